-- main
drop type public.size;

-- main
create type public.size as enum ('s', 'm');
