-- Merge conversations and recurring tasks
--
-- revision: c4d5e6f7a8b9
-- down_revision: a1b2c3d4e5f6, b7e8f9a0c1d2
-- create_date: 2025-03-10 09:00:00

-- +upgrade

-- +downgrade
