-- Merge tasks and nicknames
--
-- revision: 4000000000c4
-- down_revision: 2000000000a2, 3000000000b3

-- +upgrade


-- +downgrade

