CREATE TABLE memberships (group_id BIGINT NOT NULL, user_id BIGINT NOT NULL, CONSTRAINT memberships_pkey PRIMARY KEY (group_id));
CREATE TABLE notes (id BIGINT NOT NULL, body TEXT);
