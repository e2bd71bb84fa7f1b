-- Users
--
-- revision: 1000000000a1
-- down_revision: None

-- +upgrade
CREATE TABLE users (id INT PRIMARY KEY);

-- +downgrade
DROP TABLE users;
