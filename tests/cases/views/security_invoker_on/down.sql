-- main
alter view public.priced_items reset (security_invoker);
