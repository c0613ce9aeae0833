create function public.greet(name text) returns text language sql immutable as $$ select 'hi ' || name $$;
create function public.greet(name text, punct text) returns text language sql immutable as $$ select 'hi ' || name || punct $$;
