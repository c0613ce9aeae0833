create procedure public.touch(x integer) language plpgsql as $$ begin perform x; end $$;
