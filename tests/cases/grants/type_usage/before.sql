create type public.mood as enum ('ok', 'meh');
