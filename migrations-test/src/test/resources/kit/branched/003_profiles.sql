-- Profiles
--
-- revision: 5000000000a3
-- down_revision: 5000000000a2

-- +upgrade
CREATE TABLE profiles (id INT PRIMARY KEY, user_id INT NOT NULL REFERENCES users (id), created_at TIMESTAMPTZ DEFAULT now());

-- +downgrade
DROP TABLE profiles;
