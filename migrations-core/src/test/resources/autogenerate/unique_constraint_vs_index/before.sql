CREATE TABLE users (id BIGINT PRIMARY KEY, email VARCHAR(200) NOT NULL, handle VARCHAR(50) NOT NULL, phone VARCHAR(20));
CREATE UNIQUE INDEX ix_users_email ON users (email);
ALTER TABLE users ADD CONSTRAINT uq_users_phone UNIQUE (phone);
