create table public.tickets (id serial primary key, label text);
