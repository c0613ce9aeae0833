create domain public.email as text check (value like '%@_%');
create function public.domain_of(e public.email) returns text language sql immutable as $$ select split_part(e, '@', 2) $$;
