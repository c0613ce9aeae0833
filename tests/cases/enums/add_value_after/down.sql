-- main
drop type public.status;

-- main
create type public.status as enum ('draft', 'published');
