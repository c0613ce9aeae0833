create table public.users (id bigint, email text, constraint users_email_key unique (email));
