create table public.counters (id bigint not null primary key, label text);
