-- Add conversations
--
-- The chat feature's branch, developed alongside recurring tasks.
--
-- revision: a1b2c3d4e5f6
-- down_revision: 7c1e5a2b9d30
-- branch_labels: conversations
-- create_date: 2025-03-01 10:00:00

-- +upgrade
CREATE TABLE conversations (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    user_id UUID NOT NULL,
    title VARCHAR(200),
    created_at TIMESTAMP(6) DEFAULT CURRENT_TIMESTAMP(6) NOT NULL,
    FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);
CREATE INDEX ix_conversations_user_id ON conversations (user_id);

-- +downgrade
DROP TABLE conversations;
