create table public.counters (id bigint, hits bigint not null default 0);
