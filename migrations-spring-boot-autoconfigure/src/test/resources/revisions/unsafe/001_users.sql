-- Create users
--
-- revision: 001
-- down_revision:

-- +upgrade
CREATE TABLE users (id BIGINT PRIMARY KEY, name VARCHAR(100) NOT NULL);

-- +downgrade
DROP TABLE users;
