-- main
create table public.players (
  id bigint not null,
  team_id bigint
);

-- main
alter table public.players add constraint players_pkey PRIMARY KEY (id);

-- main
alter table public.players add constraint players_team_id_fkey FOREIGN KEY (team_id) REFERENCES public.teams(id);

-- main, share_lock
alter table public.teams add constraint teams_captain FOREIGN KEY (captain_id) REFERENCES public.players(id);
