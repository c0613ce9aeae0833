-- main
alter view public.priced_items set (security_invoker=true);
