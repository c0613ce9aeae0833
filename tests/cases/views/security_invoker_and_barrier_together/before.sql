create table public.accounts (id bigint, owner text);
create view public.acc as select id from public.accounts;
