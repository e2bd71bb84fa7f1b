-- generated
--
-- revision: 002
-- down_revision: 001
-- create_date: 2026-01-02 03:04:05

-- +upgrade
ALTER TYPE mood ADD VALUE 'neutral';
-- review: the labels of size change from ('small', 'medium', 'large') to ('small', 'large'); rows holding a removed label fail
ALTER TYPE size RENAME TO size_old;
CREATE TYPE size AS ENUM ('small', 'large');
ALTER TABLE people ALTER COLUMN size TYPE size USING size::text::size;
DROP TYPE size_old;
CREATE TYPE status AS ENUM ('active', 'blocked');
ALTER TABLE people ADD COLUMN status status DEFAULT 'active'::status NOT NULL;
DROP TYPE legacy_state;

-- +downgrade
CREATE TYPE legacy_state AS ENUM ('a', 'b');
-- review: the labels of mood change from ('happy', 'sad', 'neutral') to ('happy', 'sad'); rows holding a removed label fail
ALTER TYPE mood RENAME TO mood_old;
CREATE TYPE mood AS ENUM ('happy', 'sad');
ALTER TABLE people ALTER COLUMN mood TYPE mood USING mood::text::mood;
DROP TYPE mood_old;
-- review: the labels of size change from ('small', 'large') to ('small', 'medium', 'large'); rows holding a removed label fail
ALTER TYPE size RENAME TO size_old;
CREATE TYPE size AS ENUM ('small', 'medium', 'large');
ALTER TABLE people ALTER COLUMN size TYPE size USING size::text::size;
DROP TYPE size_old;
-- review: drops data (column people.status)
ALTER TABLE people DROP COLUMN status;
DROP TYPE status;
