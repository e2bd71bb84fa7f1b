-- generated
--
-- revision: 002
-- down_revision: 001
-- create_date: 2026-01-02 03:04:05

-- +upgrade
CREATE TABLE departments (
    id bigint NOT NULL,
    manager_id bigint,
    CONSTRAINT departments_pkey PRIMARY KEY (id)
);
CREATE TABLE employees (
    id bigint NOT NULL,
    department_id bigint NOT NULL,
    CONSTRAINT employees_pkey PRIMARY KEY (id)
);
ALTER TABLE departments ADD CONSTRAINT fk_departments_manager FOREIGN KEY (manager_id) REFERENCES employees(id);
ALTER TABLE employees ADD CONSTRAINT fk_employees_department FOREIGN KEY (department_id) REFERENCES departments(id);

-- +downgrade
ALTER TABLE departments DROP CONSTRAINT fk_departments_manager;
ALTER TABLE employees DROP CONSTRAINT fk_employees_department;
-- review: drops data (table departments)
DROP TABLE departments;
-- review: drops data (table employees)
DROP TABLE employees;
