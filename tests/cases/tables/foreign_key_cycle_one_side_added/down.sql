-- main, access_exclusive_lock
alter table public.teams drop constraint teams_captain;
