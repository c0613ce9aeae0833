create function public.normalize(t text) returns text language sql immutable as $$ select lower(trim(t)) $$;
create table public.users (id bigint, email text);
