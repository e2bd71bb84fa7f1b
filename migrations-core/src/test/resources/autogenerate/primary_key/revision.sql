-- generated
--
-- revision: 002
-- down_revision: 001
-- create_date: 2026-01-02 03:04:05

-- +upgrade
ALTER TABLE memberships DROP CONSTRAINT memberships_pkey;
ALTER TABLE memberships ADD CONSTRAINT memberships_pkey PRIMARY KEY (group_id, user_id);
ALTER TABLE notes ADD CONSTRAINT notes_pkey PRIMARY KEY (id);

-- +downgrade
ALTER TABLE memberships DROP CONSTRAINT memberships_pkey;
ALTER TABLE notes DROP CONSTRAINT notes_pkey;
ALTER TABLE memberships ADD CONSTRAINT memberships_pkey PRIMARY KEY (group_id);
