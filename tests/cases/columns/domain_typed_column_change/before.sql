create domain public.email as text check (value like '%@%');
create table public.users (id bigint, email text);
