-- main
comment on sequence public.tickets is 'ticket numbers, never reused';
