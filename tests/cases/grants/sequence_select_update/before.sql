create sequence public.tickets;
grant usage on sequence public.tickets to authenticated;
