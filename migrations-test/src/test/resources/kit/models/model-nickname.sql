create table users (id bigint not null, email varchar(200) not null, nickname varchar(50), primary key (id));
