-- generated
--
-- revision: 002
-- down_revision: 001
-- create_date: 2026-01-02 03:04:05

-- +upgrade
ALTER TABLE products DROP CONSTRAINT ck_products_old;
ALTER TABLE products ADD CONSTRAINT products_price_check CHECK (price > 0::numeric);

-- +downgrade
ALTER TABLE products DROP CONSTRAINT products_price_check;
ALTER TABLE products ADD CONSTRAINT ck_products_old CHECK (price < 1000000::numeric);
