CREATE TABLE unrelated (id BIGINT PRIMARY KEY);
CREATE TABLE departments (id BIGINT PRIMARY KEY, manager_id BIGINT);
CREATE TABLE employees (id BIGINT PRIMARY KEY, department_id BIGINT NOT NULL);
ALTER TABLE departments ADD CONSTRAINT fk_departments_manager FOREIGN KEY (manager_id) REFERENCES employees (id);
ALTER TABLE employees ADD CONSTRAINT fk_employees_department FOREIGN KEY (department_id) REFERENCES departments (id);
