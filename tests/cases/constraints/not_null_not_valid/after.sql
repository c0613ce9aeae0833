-- PostgreSQL 18: a NOT NULL constraint added NOT VALID (rows already there are not checked;
-- new ones are).
create table public.accounts (id bigint, email text);
alter table public.accounts add constraint accounts_email_not_null not null email not valid;
