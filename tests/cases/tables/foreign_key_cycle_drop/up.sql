-- main
alter table public.players drop constraint players_team_id_fkey;

-- main
alter table public.teams drop constraint teams_captain;

-- main, deletes_data, access_exclusive_lock
drop table public.players;

-- main, deletes_data, access_exclusive_lock
drop table public.teams;
