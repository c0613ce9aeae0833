create procedure public.cleanup() language sql security definer set search_path = '' as $$ select 1 $$;
