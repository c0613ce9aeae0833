-- main, deletes_data, access_exclusive_lock
drop table public.counter;

-- main
create sequence public.counter as bigint increment by 1 minvalue 1 maxvalue 9223372036854775807 start with 1 cache 1 no cycle;
