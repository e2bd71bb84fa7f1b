CREATE TABLE users (id BIGINT PRIMARY KEY);
CREATE TABLE projects (id BIGINT PRIMARY KEY, owner_id BIGINT, reviewer_id BIGINT, team_lead_id BIGINT);
ALTER TABLE projects ADD CONSTRAINT fk_projects_owner FOREIGN KEY (owner_id) REFERENCES users (id) ON DELETE CASCADE;
ALTER TABLE projects ADD CONSTRAINT fk_projects_reviewer FOREIGN KEY (reviewer_id) REFERENCES users (id) DEFERRABLE INITIALLY DEFERRED;
