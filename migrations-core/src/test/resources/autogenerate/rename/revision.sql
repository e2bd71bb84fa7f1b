-- generated
--
-- revision: 002
-- down_revision: 001
-- create_date: 2026-01-02 03:04:05

-- +upgrade
ALTER TABLE users ADD COLUMN display_name character varying(100);
-- review: drops data (column users.fullname)
-- possible rename: ALTER TABLE users RENAME COLUMN fullname TO display_name keeps the data
ALTER TABLE users DROP COLUMN fullname;

-- +downgrade
-- restores the dropped tables and columns, not their data
ALTER TABLE users ADD COLUMN fullname character varying(100);
-- review: drops data (column users.display_name)
-- possible rename: ALTER TABLE users RENAME COLUMN display_name TO fullname keeps the data
ALTER TABLE users DROP COLUMN display_name;
