-- generated
--
-- revision: 002
-- down_revision: 001
-- create_date: 2026-01-02 03:04:05

-- +upgrade
ALTER TABLE USERS ADD CONSTRAINT UQ_USERS_HANDLE UNIQUE (HANDLE);

-- +downgrade
ALTER TABLE USERS DROP CONSTRAINT UQ_USERS_HANDLE;
