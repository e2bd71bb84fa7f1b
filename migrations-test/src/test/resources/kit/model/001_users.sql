-- users
--
-- revision: 1000000000a1

-- +upgrade
CREATE TABLE users (id BIGINT PRIMARY KEY, email VARCHAR(200) NOT NULL);

-- +downgrade
DROP TABLE users;
