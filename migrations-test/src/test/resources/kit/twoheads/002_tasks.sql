-- Tasks
--
-- revision: 2000000000a2
-- down_revision: 1000000000a1

-- +upgrade
CREATE TABLE tasks (id INT PRIMARY KEY);

-- +downgrade
DROP TABLE tasks;
