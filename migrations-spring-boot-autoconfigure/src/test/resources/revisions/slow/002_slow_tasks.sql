-- Create tasks slowly
--
-- revision: 002
-- down_revision: 001

-- +upgrade
SELECT pg_sleep(5);
CREATE TABLE tasks (id BIGINT PRIMARY KEY, title VARCHAR(200) NOT NULL);

-- +downgrade
DROP TABLE tasks;
