create function public.whoami() returns text language sql security invoker set search_path = '' as $$ select current_user::text $$;
