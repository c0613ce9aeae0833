create table public.tickets (id bigint generated always as identity (maxvalue 100000) primary key, title text);
