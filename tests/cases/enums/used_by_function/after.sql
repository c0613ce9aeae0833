create type public.status as enum ('draft', 'live');
create function public.is_live(s public.status) returns boolean language sql immutable as $$ select s = 'live' $$;
