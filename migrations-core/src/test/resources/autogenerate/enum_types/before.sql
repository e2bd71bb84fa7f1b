CREATE TYPE mood AS ENUM ('happy', 'sad');
CREATE TYPE legacy_state AS ENUM ('a', 'b');
CREATE TYPE size AS ENUM ('small', 'medium', 'large');
CREATE TABLE people (id BIGINT PRIMARY KEY, mood mood NOT NULL, size size);
