create function public.page(lim integer default 10) returns integer language sql immutable as $$ select lim $$;
