create function public.bump(x integer) returns integer language plpgsql as $$ begin return x + 1; end $$;
