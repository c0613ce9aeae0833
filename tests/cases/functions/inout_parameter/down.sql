-- main
drop function public.clamp(INOUT v integer, lo integer, hi integer);
