-- generated
--
-- revision: 002
-- down_revision: 001
-- create_date: 2026-01-02 03:04:05

-- +upgrade
ALTER TABLE categories ADD COLUMN parent_id bigint;
CREATE INDEX ix_categories_parent_id ON categories (parent_id);
ALTER TABLE categories ADD CONSTRAINT fk_categories_parent FOREIGN KEY (parent_id) REFERENCES categories(id) ON DELETE CASCADE;

-- +downgrade
ALTER TABLE categories DROP CONSTRAINT fk_categories_parent;
DROP INDEX ix_categories_parent_id;
-- review: drops data (column categories.parent_id)
ALTER TABLE categories DROP COLUMN parent_id;
