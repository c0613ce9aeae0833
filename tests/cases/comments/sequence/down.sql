-- main
comment on sequence public.tickets is null;
