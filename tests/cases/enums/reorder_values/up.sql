-- main
drop type public.level;

-- main
create type public.level as enum ('low', 'medium', 'high');
