-- Build an index slowly, outside a transaction
--
-- revision: 001
-- down_revision:
-- transactional: false

-- +upgrade
CREATE TABLE items (id INT);
SELECT pg_sleep(4);
CREATE INDEX CONCURRENTLY ix_items_id ON items (id);

-- +downgrade
DROP TABLE items;
