-- generated
--
-- revision: 002
-- down_revision: 001
-- create_date: 2026-01-02 03:04:05

-- +upgrade
COMMENT ON TABLE users IS 'people who log in';
COMMENT ON COLUMN users.email IS 'where we write';
COMMENT ON COLUMN users.name IS 'the name they chose';

-- +downgrade
COMMENT ON TABLE users IS NULL;
COMMENT ON COLUMN users.email IS NULL;
COMMENT ON COLUMN users.name IS 'display name';
