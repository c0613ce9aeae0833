-- main
alter function public.same(a integer, b integer) not leakproof;
