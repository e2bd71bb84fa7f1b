-- Tasks
--
-- revision: 2000000000a2
-- down_revision: 1000000000a1

-- +upgrade
CREATE TABLE tasks (id SERIAL PRIMARY KEY, user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE, title TEXT NOT NULL);
CREATE INDEX ix_tasks_user_id ON tasks (user_id);

-- +downgrade
DROP TABLE tasks;
