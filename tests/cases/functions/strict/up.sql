-- main
alter function public.double(x integer) strict;
