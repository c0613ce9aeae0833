-- main
drop foreign table public.imports;
