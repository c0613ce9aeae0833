create schema api;
create table public.accounts (id bigint, owner text);
create view api.acc as select id from public.accounts;
