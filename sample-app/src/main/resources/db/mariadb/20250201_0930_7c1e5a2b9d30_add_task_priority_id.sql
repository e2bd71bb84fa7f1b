-- Add a numeric task priority
--
-- A data migration: the new priority_id column is backfilled from the text priority
-- (high = 3, medium = 2, low = 1) before it becomes NOT NULL.
--
-- revision: 7c1e5a2b9d30
-- down_revision: 3f2a9c1b7d4e
-- create_date: 2025-02-01 09:30:00

-- +upgrade
ALTER TABLE tasks ADD COLUMN priority_id INTEGER;
UPDATE tasks SET priority_id = CASE priority WHEN 'high' THEN 3 WHEN 'medium' THEN 2 ELSE 1 END;
ALTER TABLE tasks MODIFY priority_id INTEGER NOT NULL;
CREATE INDEX ix_tasks_user_id_priority_id ON tasks (user_id, priority_id);

-- +downgrade
DROP INDEX ix_tasks_user_id_priority_id ON tasks;
ALTER TABLE tasks DROP COLUMN priority_id;
