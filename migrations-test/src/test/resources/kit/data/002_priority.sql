-- A numeric priority, backfilled
--
-- revision: 2000000000a2
-- down_revision: 1000000000a1

-- +upgrade
ALTER TABLE tasks ADD COLUMN priority_id INTEGER;
UPDATE tasks SET priority_id = CASE priority WHEN 'high' THEN 3 WHEN 'medium' THEN 2 ELSE 1 END;
ALTER TABLE tasks ALTER COLUMN priority_id SET NOT NULL;

-- +downgrade
ALTER TABLE tasks DROP COLUMN priority_id;
