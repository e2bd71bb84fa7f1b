-- generated
--
-- revision: 002
-- down_revision: 001
-- create_date: 2026-01-02 03:04:05

-- +upgrade
-- tables the model does not map: legacy_audit (dropped)
ALTER TABLE legacy_audit DROP CONSTRAINT legacy_audit_user_id_fkey;
CREATE TABLE tags (
    id bigint NOT NULL,
    user_id bigint NOT NULL,
    name character varying(50) NOT NULL,
    CONSTRAINT tags_pkey PRIMARY KEY (id)
);
-- review: drops data (table legacy_audit)
DROP TABLE legacy_audit;
CREATE INDEX ix_tags_user_id ON tags (user_id);
ALTER TABLE tags ADD CONSTRAINT fk_tags_user_id FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE;

-- +downgrade
-- restores the dropped tables and columns, not their data
ALTER TABLE tags DROP CONSTRAINT fk_tags_user_id;
CREATE TABLE legacy_audit (
    id bigint NOT NULL,
    user_id bigint,
    note text,
    CONSTRAINT legacy_audit_pkey PRIMARY KEY (id)
);
-- review: drops data (table tags)
DROP TABLE tags;
CREATE INDEX ix_legacy_audit_user_id ON legacy_audit (user_id);
ALTER TABLE legacy_audit ADD CONSTRAINT legacy_audit_user_id_fkey FOREIGN KEY (user_id) REFERENCES users(id);
COMMENT ON TABLE legacy_audit IS 'old audit trail';
