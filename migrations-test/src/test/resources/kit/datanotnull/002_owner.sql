-- Every task has an owner
--
-- revision: 2000000000a2
-- down_revision: 1000000000a1

-- +upgrade
ALTER TABLE tasks ADD COLUMN owner VARCHAR(50) NOT NULL;

-- +downgrade
ALTER TABLE tasks DROP COLUMN owner;
