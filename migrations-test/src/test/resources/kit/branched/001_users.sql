-- Users
--
-- revision: 5000000000a1
-- down_revision: None

-- +upgrade
CREATE TABLE users (id INT PRIMARY KEY, name TEXT NOT NULL);

-- +downgrade
DROP TABLE users;
