-- Right branch
--
-- revision: 003
-- down_revision: 001
-- branch_labels: right

-- +upgrade
CREATE TABLE right_table (id INT);

-- +downgrade
DROP TABLE right_table;
