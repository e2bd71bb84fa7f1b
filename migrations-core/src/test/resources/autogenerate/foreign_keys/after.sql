CREATE TABLE users (id BIGINT PRIMARY KEY);
CREATE TABLE projects (id BIGINT PRIMARY KEY, owner_id BIGINT, reviewer_id BIGINT, team_lead_id BIGINT);
ALTER TABLE projects ADD CONSTRAINT FKqy2v4br3mfnxfbnhbk2rp9kqg FOREIGN KEY (owner_id) REFERENCES users (id) ON DELETE SET NULL;
ALTER TABLE projects ADD CONSTRAINT FKk7w3kyv5n6d2a6ml3o4tsfbqy FOREIGN KEY (reviewer_id) REFERENCES users (id);
ALTER TABLE projects ADD CONSTRAINT FKb6w0cl5x2ch9e3iqlpgc1uvwc FOREIGN KEY (team_lead_id) REFERENCES users (id);
