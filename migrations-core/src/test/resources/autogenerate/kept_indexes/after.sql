CREATE TABLE documents (
    id BIGINT PRIMARY KEY,
    owner_id BIGINT,
    title TEXT NOT NULL,
    tags TEXT[],
    archived BOOLEAN NOT NULL,
    created_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    summary VARCHAR(255)
);
