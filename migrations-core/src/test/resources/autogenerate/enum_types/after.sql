CREATE TYPE mood AS ENUM ('happy', 'sad', 'neutral');
CREATE TYPE status AS ENUM ('active', 'blocked');
CREATE TYPE size AS ENUM ('small', 'large');
CREATE TABLE people (id BIGINT PRIMARY KEY, mood mood NOT NULL, size size, status status DEFAULT 'active' NOT NULL);
