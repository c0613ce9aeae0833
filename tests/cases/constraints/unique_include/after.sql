create table public.users (id bigint, email text, name text, constraint users_email unique (email) include (name));
