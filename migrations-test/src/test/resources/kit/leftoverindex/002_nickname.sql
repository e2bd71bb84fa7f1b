-- Nicknames, searchable emails
--
-- revision: 2000000000a2
-- down_revision: 1000000000a1

-- +upgrade
ALTER TABLE users ADD COLUMN nickname VARCHAR(50);
CREATE INDEX ix_users_email ON users (email);

-- +downgrade
ALTER TABLE users DROP COLUMN nickname;
