-- Users
--
-- revision: 1000000000a1
-- down_revision: None

-- +upgrade
CREATE TABLE users (id INT PRIMARY KEY, name TEXT);

-- +downgrade
DROP TABLE users;
