create table public.tickets (id bigint primary key, label text);
create sequence public.ticket_seq owned by public.tickets.id;
