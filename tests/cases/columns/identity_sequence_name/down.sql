-- main, deletes_data, access_exclusive_lock
drop table public.orders;

-- main
alter sequence public.ticket_numbers rename to tickets_id_seq;
