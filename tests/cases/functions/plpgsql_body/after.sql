create function public.bump(x integer) returns integer language plpgsql as $$ begin return x + 2; end $$;
