CREATE TABLE users (id BIGINT PRIMARY KEY, email TEXT, name TEXT);
COMMENT ON COLUMN users.name IS 'display name';
