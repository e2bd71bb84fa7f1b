-- Index tasks by title
--
-- revision: 003
-- down_revision: 002

-- +upgrade
CREATE INDEX ix_tasks_title ON tasks (title);

-- +downgrade
DROP INDEX ix_tasks_title;
