create schema app;
create table app.notes (id bigint primary key, body text);
