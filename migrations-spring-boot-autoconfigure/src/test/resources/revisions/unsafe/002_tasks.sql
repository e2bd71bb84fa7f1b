-- Create tasks
--
-- revision: 002
-- down_revision: 001

-- +upgrade
CREATE TABLE tasks (id BIGINT PRIMARY KEY, title VARCHAR(200) NOT NULL, done BOOLEAN NOT NULL,
	user_id BIGINT REFERENCES users (id));

-- +downgrade
DROP TABLE tasks;
