-- main, share_lock
alter table public.teams add constraint teams_captain FOREIGN KEY (captain_id) REFERENCES public.players(id) not valid;

-- validate
alter table public.teams validate constraint teams_captain;
