create table public.tickets (id int, code text);
