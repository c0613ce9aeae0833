create procedure public.cleanup() language sql as $$ select 1 $$;
