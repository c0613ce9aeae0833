-- main
alter view public.my_accounts set (security_barrier=true);
