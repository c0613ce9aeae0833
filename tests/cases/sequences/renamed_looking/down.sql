-- main, deletes_data
drop sequence public.new_ids;

-- main
create sequence public.old_ids as bigint increment by 1 minvalue 1 maxvalue 9223372036854775807 start with 1 cache 1 no cycle;
