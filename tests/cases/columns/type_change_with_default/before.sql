create table public.counters (id bigint, hits integer not null default 0);
