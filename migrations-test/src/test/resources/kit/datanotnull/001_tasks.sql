-- Tasks
--
-- revision: 1000000000a1
-- down_revision: None

-- +upgrade
CREATE TABLE tasks (id INT PRIMARY KEY, title VARCHAR(200) NOT NULL);

-- +downgrade
DROP TABLE tasks;
