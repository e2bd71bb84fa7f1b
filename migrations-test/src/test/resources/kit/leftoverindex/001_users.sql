-- Users
--
-- revision: 1000000000a1
-- down_revision: None

-- +upgrade
CREATE TABLE users (id INT PRIMARY KEY, email VARCHAR(200) NOT NULL);

-- +downgrade
DROP TABLE users;
