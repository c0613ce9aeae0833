create function public.normalize(t text) returns text language sql immutable as $$ select lower(trim(t)) $$;
create table public.users (id bigint, email text);
create unique index users_email_normalized on public.users (public.normalize(email));
