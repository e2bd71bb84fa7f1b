CREATE TABLE categories (id BIGINT PRIMARY KEY, name TEXT NOT NULL, parent_id BIGINT);
ALTER TABLE categories ADD CONSTRAINT fk_categories_parent FOREIGN KEY (parent_id) REFERENCES categories (id) ON DELETE CASCADE;
CREATE INDEX ix_categories_parent_id ON categories (parent_id);
