-- generated
--
-- revision: 002
-- down_revision: 001
-- create_date: 2026-01-02 03:04:05

-- +upgrade
-- not in the model (kept): default of tasks.done
ALTER TABLE tasks ADD COLUMN due_date date;
ALTER TABLE tasks ADD COLUMN score numeric(10,2) DEFAULT 0 NOT NULL;
ALTER TABLE tasks ALTER COLUMN done DROP NOT NULL;
ALTER TABLE tasks ALTER COLUMN estimate TYPE bigint USING estimate::bigint;
-- review: fails while rows hold NULL in note
ALTER TABLE tasks ALTER COLUMN note SET NOT NULL;
ALTER TABLE tasks ALTER COLUMN priority SET DEFAULT 'medium'::character varying;
ALTER TABLE tasks ALTER COLUMN title TYPE character varying(200);
-- review: drops data (column tasks.legacy_flag)
ALTER TABLE tasks DROP COLUMN legacy_flag;

-- +downgrade
-- restores the dropped tables and columns, not their data
ALTER TABLE tasks ADD COLUMN legacy_flag boolean;
-- review: fails while rows hold NULL in done
ALTER TABLE tasks ALTER COLUMN done SET NOT NULL;
ALTER TABLE tasks ALTER COLUMN estimate TYPE integer USING estimate::integer;
ALTER TABLE tasks ALTER COLUMN note DROP NOT NULL;
ALTER TABLE tasks ALTER COLUMN priority SET DEFAULT 'low'::character varying;
ALTER TABLE tasks ALTER COLUMN title TYPE character varying(100);
-- review: drops data (column tasks.due_date)
ALTER TABLE tasks DROP COLUMN due_date;
-- review: drops data (column tasks.score)
ALTER TABLE tasks DROP COLUMN score;
