create function public.page(lim integer, off integer) returns integer language sql immutable as $$ select lim + off $$;
