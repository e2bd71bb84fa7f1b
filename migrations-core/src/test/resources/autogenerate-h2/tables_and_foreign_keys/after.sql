CREATE TABLE users (id BIGINT PRIMARY KEY, email VARCHAR(200) NOT NULL);
CREATE TABLE departments (id BIGINT PRIMARY KEY, manager_id BIGINT, owner_id BIGINT NOT NULL);
CREATE TABLE employees (id BIGINT PRIMARY KEY, department_id BIGINT NOT NULL, name VARCHAR(255) NOT NULL);
ALTER TABLE departments ADD CONSTRAINT FKabcdefghijklmnopqrstu01 FOREIGN KEY (manager_id) REFERENCES employees (id);
ALTER TABLE departments ADD CONSTRAINT FKabcdefghijklmnopqrstu02 FOREIGN KEY (owner_id) REFERENCES users (id) ON DELETE CASCADE;
ALTER TABLE employees ADD CONSTRAINT FKabcdefghijklmnopqrstu03 FOREIGN KEY (department_id) REFERENCES departments (id);
CREATE INDEX ix_employees_name ON employees (name);
