-- generated
--
-- revision: 002
-- down_revision: 001
-- create_date: 2026-01-02 03:04:05

-- +upgrade
-- tables the model does not map: conversations (kept)
ALTER TABLE users ADD COLUMN name character varying(100);

-- +downgrade
-- review: drops data (column users.name)
ALTER TABLE users DROP COLUMN name;
