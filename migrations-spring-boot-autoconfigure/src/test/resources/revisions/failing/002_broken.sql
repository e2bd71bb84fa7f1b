-- Broken revision
--
-- revision: 002
-- down_revision: 001

-- +upgrade
CREATE TABLE tasks (id BIGINT PRIMARY KEY);
INSERT INTO missing_table VALUES (1);

-- +downgrade
DROP TABLE tasks;
