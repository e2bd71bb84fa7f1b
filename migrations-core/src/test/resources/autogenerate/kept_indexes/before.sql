CREATE TABLE documents (
    id BIGINT PRIMARY KEY,
    owner_id BIGINT,
    title TEXT NOT NULL,
    tags TEXT[],
    archived BOOLEAN NOT NULL DEFAULT FALSE,
    created_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL
);
CREATE INDEX ix_documents_live ON documents (owner_id) WHERE NOT archived;
CREATE INDEX ix_documents_title_lower ON documents (lower(title));
CREATE INDEX ix_documents_owner_cover ON documents (owner_id) INCLUDE (title);
CREATE INDEX ix_documents_tags ON documents USING gin (tags);
CREATE INDEX ix_documents_owner ON documents (owner_id);
