create procedure public.reset_prices() language sql as $$ select 1 $$;
