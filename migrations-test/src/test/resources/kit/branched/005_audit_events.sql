-- Audit events
--
-- revision: 5000000000a5
-- down_revision: 5000000000a4

-- +upgrade
CREATE TABLE audit_events (id INT PRIMARY KEY, user_id INT NOT NULL REFERENCES users (id), created_at TIMESTAMPTZ DEFAULT now());

-- +downgrade
DROP TABLE audit_events;
