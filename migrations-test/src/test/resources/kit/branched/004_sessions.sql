-- Sessions
--
-- revision: 5000000000a4
-- down_revision: 5000000000a3

-- +upgrade
CREATE TABLE sessions (id INT PRIMARY KEY, user_id INT NOT NULL REFERENCES users (id), created_at TIMESTAMPTZ DEFAULT now());

-- +downgrade
DROP TABLE sessions;
