-- main
revoke usage on sequence public.ticket_seq from authenticated;
