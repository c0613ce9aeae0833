create table public.people (email text);
