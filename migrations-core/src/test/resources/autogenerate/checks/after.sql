CREATE TABLE products (id BIGINT PRIMARY KEY, price NUMERIC(10, 2) NOT NULL, stock INTEGER NOT NULL,
    CONSTRAINT products_stock_check CHECK (stock >= 0), CONSTRAINT products_price_check CHECK (price > 0));
