-- main
alter function public.double(x integer) called on null input;
