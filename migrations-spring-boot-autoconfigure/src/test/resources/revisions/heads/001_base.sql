-- Base
--
-- revision: 001
-- down_revision:

-- +upgrade
CREATE TABLE base_table (id INT);

-- +downgrade
DROP TABLE base_table;
