-- Create users slowly
--
-- revision: 001
-- down_revision:

-- +upgrade
SELECT pg_sleep(5);
CREATE TABLE users (id BIGINT PRIMARY KEY, name VARCHAR(100) NOT NULL);

-- +downgrade
DROP TABLE users;
