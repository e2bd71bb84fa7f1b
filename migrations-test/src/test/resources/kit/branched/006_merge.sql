-- Merge tags and split names
--
-- revision: 5000000000d6
-- down_revision: 5000000000b4, 5000000000c5

-- +upgrade


-- +downgrade

