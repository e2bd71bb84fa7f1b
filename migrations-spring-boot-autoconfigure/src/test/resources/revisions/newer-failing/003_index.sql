-- Index task titles (from a newer release)
--
-- revision: 003
-- down_revision: 002
-- transactional: false

-- +upgrade
CREATE INDEX CONCURRENTLY ix_tasks_title ON tasks (title);
CREATE INDEX CONCURRENTLY ix_tasks_missing ON tasks (missing_column);

-- +downgrade
DROP INDEX ix_tasks_title;
