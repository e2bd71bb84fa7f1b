-- Add a numeric task priority
--
-- A data migration: the new priority_id column is backfilled from the text priority
-- (high = 3, medium = 2, low = 1) before it becomes NOT NULL.
--
-- The sample's tasks table is small, so the backfill runs in one transaction and the
-- linter's findings are silenced; on a large, busy table split it as
-- docs/safe-migrations.md shows (nullable column, batched backfill, a NOT VALID check,
-- CREATE INDEX CONCURRENTLY).
--
-- revision: 7c1e5a2b9d30
-- down_revision: 3f2a9c1b7d4e
-- create_date: 2025-02-01 09:30:00
-- lint_ignore: exclusive-lock-held-across-statements, set-not-null-scan, create-index-not-concurrently

-- +upgrade
ALTER TABLE tasks ADD COLUMN priority_id INTEGER;
UPDATE tasks SET priority_id = CASE priority WHEN 'high' THEN 3 WHEN 'medium' THEN 2 ELSE 1 END;
ALTER TABLE tasks ALTER COLUMN priority_id SET NOT NULL;
CREATE INDEX ix_tasks_user_id_priority_id ON tasks (user_id, priority_id);

-- +downgrade
DROP INDEX ix_tasks_user_id_priority_id;
ALTER TABLE tasks DROP COLUMN priority_id;
