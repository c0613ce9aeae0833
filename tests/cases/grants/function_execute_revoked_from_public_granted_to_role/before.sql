create function public.admin_only() returns integer language sql as $$ select 1 $$;
