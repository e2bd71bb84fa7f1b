-- Users
--
-- revision: 1000000000a1
-- down_revision: None

-- +upgrade
CREATE TABLE users (id INT PRIMARY KEY, email TEXT NOT NULL);

-- +downgrade
DROP TABLE users;
