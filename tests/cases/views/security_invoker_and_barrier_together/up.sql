-- main
alter view public.acc set (security_barrier=true, security_invoker=true);
