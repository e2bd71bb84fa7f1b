-- Split names, for good
--
-- revision: 2000000000a2
-- down_revision: 1000000000a1

-- +upgrade
ALTER TABLE users ADD COLUMN first_name TEXT;
UPDATE users SET first_name = name;
ALTER TABLE users DROP COLUMN name;
