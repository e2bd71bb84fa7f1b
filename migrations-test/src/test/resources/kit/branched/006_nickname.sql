-- Nicknames
--
-- revision: 5000000000b6
-- down_revision: 5000000000a5

-- +upgrade
ALTER TABLE users ADD COLUMN nickname VARCHAR(50);
COMMENT ON COLUMN users.nickname IS 'what friends say';

-- +downgrade
ALTER TABLE users DROP COLUMN nickname;
