-- Tags
--
-- revision: 5000000000b7
-- down_revision: 5000000000b6

-- +upgrade
CREATE TABLE tags (id INT PRIMARY KEY, user_id INT REFERENCES users (id), label TEXT NOT NULL);

-- +downgrade
DROP TABLE tags;
