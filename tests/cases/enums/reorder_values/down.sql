-- main
drop type public.level;

-- main
create type public.level as enum ('low', 'high', 'medium');
