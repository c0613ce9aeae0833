create sequence public.tickets;
grant usage, select, update on sequence public.tickets to authenticated;
