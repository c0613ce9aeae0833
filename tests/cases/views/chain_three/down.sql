-- main
drop view public.v3;

-- main
drop view public.v2;

-- main
drop view public.v1;
