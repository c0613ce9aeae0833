-- main
grant select, update on sequence public.tickets to authenticated;
