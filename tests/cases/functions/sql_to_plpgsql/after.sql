create function public.greet(name text) returns text language plpgsql immutable as $$ begin return 'hello ' || name; end $$;
