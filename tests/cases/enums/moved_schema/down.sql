-- main
drop type app.mood;

-- main
create type public.mood as enum ('ok', 'meh');
