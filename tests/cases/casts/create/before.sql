create domain public.cents as bigint;
create function public.cents_to_text(public.cents) returns text language sql immutable as $$ select ($1/100)::text $$;
