-- Split names, for good
--
-- revision: 5000000000c8
-- down_revision: 5000000000a5

-- +upgrade
ALTER TABLE users ADD COLUMN first_name TEXT;
UPDATE users SET first_name = name;
ALTER TABLE users DROP COLUMN name;
