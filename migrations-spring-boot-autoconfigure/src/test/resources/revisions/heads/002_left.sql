-- Left branch
--
-- revision: 002
-- down_revision: 001
-- branch_labels: left

-- +upgrade
CREATE TABLE left_table (id INT);

-- +downgrade
DROP TABLE left_table;
