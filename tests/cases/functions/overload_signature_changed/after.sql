create function public.area(r numeric) returns numeric language sql immutable as $$ select pi() * r * r $$;
create function public.area(w integer, h integer) returns numeric language sql immutable as $$ select (w * h)::numeric $$;
