CREATE TABLE tasks (
    id BIGINT PRIMARY KEY,
    title VARCHAR(100) NOT NULL,
    legacy_flag BOOLEAN,
    estimate INTEGER,
    note VARCHAR(50),
    done BOOLEAN NOT NULL DEFAULT FALSE,
    priority VARCHAR(10) DEFAULT 'low'
);
