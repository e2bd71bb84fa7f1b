CREATE TABLE users (id BIGINT PRIMARY KEY, email VARCHAR(200) NOT NULL);
CREATE TABLE legacy_audit (id BIGINT PRIMARY KEY, user_id BIGINT REFERENCES users (id), note TEXT);
CREATE INDEX ix_legacy_audit_user_id ON legacy_audit (user_id);
COMMENT ON TABLE legacy_audit IS 'old audit trail';
