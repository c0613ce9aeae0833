create table public.scratch (id bigint, body text);
alter table public.scratch replica identity full;
