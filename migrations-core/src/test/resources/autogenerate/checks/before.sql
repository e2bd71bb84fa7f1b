CREATE TABLE products (id BIGINT PRIMARY KEY, price NUMERIC(10, 2) NOT NULL, stock INTEGER NOT NULL,
    CONSTRAINT ck_products_stock CHECK (stock >= 0), CONSTRAINT ck_products_old CHECK (price < 1000000));
