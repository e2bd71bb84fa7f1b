-- Merge tags and split names
--
-- revision: 5000000000d9
-- down_revision: 5000000000b7, 5000000000c8

-- +upgrade


-- +downgrade

