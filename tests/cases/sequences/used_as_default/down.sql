-- main, access_exclusive_lock
alter table public.tickets alter column id drop default;

-- main, deletes_data
drop sequence public.ticket_seq;
