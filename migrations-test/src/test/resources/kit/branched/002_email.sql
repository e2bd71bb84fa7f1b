-- Email addresses
--
-- revision: 5000000000a2
-- down_revision: 5000000000a1

-- +upgrade
ALTER TABLE users ADD COLUMN email TEXT;
CREATE UNIQUE INDEX ix_users_email ON users (email);

-- +downgrade
DROP INDEX ix_users_email;
ALTER TABLE users DROP COLUMN email;
