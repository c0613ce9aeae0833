-- main, access_exclusive_lock
alter table public.teams drop constraint teams_captain;

-- main, deletes_data, access_exclusive_lock
drop table public.players;
