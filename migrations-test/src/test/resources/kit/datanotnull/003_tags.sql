-- Tags
--
-- revision: 3000000000a3
-- down_revision: 2000000000a2

-- +upgrade
CREATE TABLE tags (id INT PRIMARY KEY);

-- +downgrade
DROP TABLE tags;
