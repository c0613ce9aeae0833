-- main
alter view public.acc reset (security_barrier, security_invoker);
