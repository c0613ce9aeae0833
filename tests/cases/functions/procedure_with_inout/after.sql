create procedure public.transfer(from_id bigint, to_id bigint, amount numeric, inout ok boolean default null) language plpgsql as $$ begin ok := true; end $$;
