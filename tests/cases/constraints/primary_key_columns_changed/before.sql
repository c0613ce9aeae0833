create table public.memberships (user_id bigint not null, team_id bigint not null, constraint memberships_pkey primary key (user_id));
