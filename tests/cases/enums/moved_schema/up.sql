-- main
drop type public.mood;

-- main
create type app.mood as enum ('ok', 'meh');
