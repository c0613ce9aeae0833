create function public.page(lim integer default 20) returns integer language sql immutable as $$ select lim $$;
