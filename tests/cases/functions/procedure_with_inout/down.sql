-- main
drop procedure public.transfer(IN from_id bigint, IN to_id bigint, IN amount numeric, INOUT ok boolean);
