-- Add a mood
--
-- revision: 2000000000a2
-- down_revision: 1000000000a1

-- +upgrade
CREATE TYPE mood AS ENUM ('happy', 'sad');
ALTER TABLE users ADD COLUMN mood mood;

-- +downgrade
ALTER TABLE users DROP COLUMN mood;
