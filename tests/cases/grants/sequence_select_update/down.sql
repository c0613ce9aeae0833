-- main
revoke select, update on sequence public.tickets from authenticated;
