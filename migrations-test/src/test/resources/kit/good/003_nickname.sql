-- Nicknames
--
-- revision: 3000000000b3
-- down_revision: 1000000000a1

-- +upgrade
ALTER TABLE users ADD COLUMN nickname VARCHAR(50);
COMMENT ON COLUMN users.nickname IS 'what friends say';

-- +downgrade
ALTER TABLE users DROP COLUMN nickname;
