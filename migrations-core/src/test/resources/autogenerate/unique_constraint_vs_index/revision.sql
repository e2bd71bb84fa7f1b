-- generated
--
-- revision: 002
-- down_revision: 001
-- create_date: 2026-01-02 03:04:05

-- +upgrade
ALTER TABLE users ADD CONSTRAINT uq_users_handle UNIQUE (handle);

-- +downgrade
ALTER TABLE users DROP CONSTRAINT uq_users_handle;
