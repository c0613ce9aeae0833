create table public.users (id bigint, email text);
create index users_lower_email on public.users (lower(email));
