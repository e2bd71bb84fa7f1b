-- Add recurring tasks
--
-- The recurring-tasks feature's branch, from the same parent as conversations.
--
-- revision: b7e8f9a0c1d2
-- down_revision: 7c1e5a2b9d30
-- branch_labels: recurring
-- create_date: 2025-03-02 11:00:00

-- +upgrade
ALTER TABLE tasks ADD COLUMN is_recurring BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE tasks ADD COLUMN recurrence_pattern VARCHAR(50);

-- +downgrade
ALTER TABLE tasks DROP COLUMN recurrence_pattern;
ALTER TABLE tasks DROP COLUMN is_recurring;
