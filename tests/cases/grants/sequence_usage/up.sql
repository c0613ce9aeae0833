-- main
grant usage on sequence public.ticket_seq to authenticated;
