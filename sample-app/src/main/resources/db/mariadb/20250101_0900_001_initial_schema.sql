-- initial schema
--
-- Users and their tasks: the schema of the todo service's first release.
--
-- revision: 001
-- down_revision: None
-- create_date: 2025-01-01 09:00:00

-- +upgrade
CREATE TABLE users (
    id UUID PRIMARY KEY,
    email VARCHAR(255) NOT NULL,
    name VARCHAR(100) NOT NULL,
    created_at TIMESTAMP(6) DEFAULT CURRENT_TIMESTAMP(6) NOT NULL
);
CREATE UNIQUE INDEX ix_users_email ON users (email);

CREATE TABLE tasks (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    user_id UUID NOT NULL,
    title VARCHAR(200) NOT NULL,
    description VARCHAR(2000),
    completed BOOLEAN DEFAULT FALSE NOT NULL,
    priority VARCHAR(10) DEFAULT 'medium' NOT NULL,
    created_at TIMESTAMP(6) DEFAULT CURRENT_TIMESTAMP(6) NOT NULL,
    FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);
CREATE INDEX ix_tasks_user_id ON tasks (user_id);
CREATE INDEX ix_tasks_completed ON tasks (completed);

-- +downgrade
DROP TABLE tasks;
DROP TABLE users;
