-- main, rewrites_table, access_exclusive_lock
alter table public.diary alter column mood type text using mood::text;

-- main
create type app.mood as enum ('ok', 'meh');

-- main, rewrites_table, access_exclusive_lock
alter table public.diary alter column mood type app.mood using mood::text::app.mood;

-- main
drop type public.mood;

-- main, rewrites_table, access_exclusive_lock
alter table public.diary alter column mood type app.mood using mood::app.mood;
