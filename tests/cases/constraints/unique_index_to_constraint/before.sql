create table public.users (id bigint, email text);
create unique index users_email_key on public.users (email);
