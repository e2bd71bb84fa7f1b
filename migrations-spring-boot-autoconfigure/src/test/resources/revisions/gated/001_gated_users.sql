-- Create users once the test lets it go on
--
-- revision: 001
-- down_revision:

-- +upgrade
-- Waits until the test releases the advisory lock it took before the application started.
SELECT pg_advisory_lock(424242);
SELECT pg_advisory_unlock(424242);
CREATE TABLE users (id BIGINT PRIMARY KEY, name VARCHAR(100) NOT NULL);

-- +downgrade
DROP TABLE users;
