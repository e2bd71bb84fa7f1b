-- generated
--
-- revision: 002
-- down_revision: 001
-- create_date: 2026-01-02 03:04:05

-- +upgrade
-- not in the model (kept): deferrable fk_projects_reviewer on projects
ALTER TABLE projects DROP CONSTRAINT fk_projects_owner;
ALTER TABLE projects ADD CONSTRAINT fk_projects_owner_id FOREIGN KEY (owner_id) REFERENCES users(id) ON DELETE SET NULL;
ALTER TABLE projects ADD CONSTRAINT fk_projects_team_lead_id FOREIGN KEY (team_lead_id) REFERENCES users(id);

-- +downgrade
ALTER TABLE projects DROP CONSTRAINT fk_projects_owner_id;
ALTER TABLE projects DROP CONSTRAINT fk_projects_team_lead_id;
ALTER TABLE projects ADD CONSTRAINT fk_projects_owner FOREIGN KEY (owner_id) REFERENCES users(id) ON DELETE CASCADE;
