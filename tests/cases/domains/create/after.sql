create domain public.email as text check (value ~ '^[^@]+@[^@]+$');
create table public.users (id bigint primary key, email public.email not null);
