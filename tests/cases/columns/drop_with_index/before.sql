create table public.people (id bigint primary key, nickname text);
create index people_nickname on public.people (nickname);
