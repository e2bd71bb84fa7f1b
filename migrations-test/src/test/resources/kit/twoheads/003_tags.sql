-- Tags
--
-- revision: 3000000000b3
-- down_revision: 1000000000a1

-- +upgrade
CREATE TABLE tags (id INT PRIMARY KEY);

-- +downgrade
DROP TABLE tags;
