CREATE TABLE users (id BIGINT PRIMARY KEY, email TEXT, name TEXT);
COMMENT ON TABLE users IS 'people who log in';
COMMENT ON COLUMN users.email IS 'where we write';
COMMENT ON COLUMN users.name IS 'the name they chose';
