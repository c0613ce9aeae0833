create table public.users (id bigint, email text);
create index users_lower_email on public.users (lower(email));
alter index public.users_lower_email alter column 1 set statistics 500;
