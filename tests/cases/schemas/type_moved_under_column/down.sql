-- main, rewrites_table, access_exclusive_lock
alter table public.diary alter column mood type text using mood::text;

-- main
create type public.mood as enum ('ok', 'meh');

-- main, rewrites_table, access_exclusive_lock
alter table public.diary alter column mood type public.mood using mood::text::public.mood;

-- main
drop type app.mood;

-- main, rewrites_table, access_exclusive_lock
alter table public.diary alter column mood type public.mood using mood::public.mood;
