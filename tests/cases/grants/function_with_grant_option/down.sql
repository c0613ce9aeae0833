-- main
revoke execute on function public.f() from authenticated;
