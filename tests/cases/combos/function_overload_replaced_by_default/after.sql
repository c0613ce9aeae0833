create function public.greet(name text, punct text default '!') returns text language sql immutable as $$ select 'hi ' || name || punct $$;
