-- main
alter view public.my_accounts reset (security_barrier);
