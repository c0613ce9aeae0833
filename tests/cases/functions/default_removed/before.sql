create function public.page(lim integer, off integer default 0) returns integer language sql immutable as $$ select lim + off $$;
