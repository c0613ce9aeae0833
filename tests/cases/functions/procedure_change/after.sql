create procedure public.touch(x integer) language plpgsql as $$ begin perform x + 1; end $$;
