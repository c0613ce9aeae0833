create table public.tickets (id bigint primary key, label text);
