create table public.users (id bigint, email text);
create unique index users_email on public.users (email);
