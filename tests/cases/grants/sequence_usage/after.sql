create sequence public.ticket_seq;
grant usage on sequence public.ticket_seq to authenticated;
