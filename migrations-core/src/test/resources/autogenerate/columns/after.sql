CREATE TABLE tasks (
    id BIGINT PRIMARY KEY,
    title VARCHAR(200) NOT NULL,
    estimate BIGINT,
    note VARCHAR(50) NOT NULL,
    done BOOLEAN,
    priority VARCHAR(10) DEFAULT 'medium',
    due_date DATE,
    score NUMERIC(10, 2) DEFAULT 0 NOT NULL
);
