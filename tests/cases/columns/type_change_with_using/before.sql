create table public.events (id bigint primary key, happened text);
