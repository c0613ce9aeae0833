-- main
drop type public.address;
