-- generated
--
-- revision: 002
-- down_revision: 001
-- create_date: 2026-01-02 03:04:05

-- +upgrade
-- not in the model (kept): default of documents.archived, default of documents.created_at, index ix_documents_live on documents, index ix_documents_owner_cover on documents, index ix_documents_tags on documents, index ix_documents_title_lower on documents
DROP INDEX ix_documents_owner;
ALTER TABLE documents ADD COLUMN summary character varying(255);

-- +downgrade
-- review: drops data (column documents.summary)
ALTER TABLE documents DROP COLUMN summary;
CREATE INDEX ix_documents_owner ON documents (owner_id);
