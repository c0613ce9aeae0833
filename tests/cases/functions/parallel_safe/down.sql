-- main
alter function public.square(x numeric) parallel unsafe;
