create function public.whoami() returns text language sql security definer set search_path = '' as $$ select current_user::text $$;
