-- main
grant execute on function public.f() to authenticated with grant option;
