create sequence public.ticket_seq;
create table public.tickets (id bigint primary key default nextval('public.ticket_seq'), label text);
