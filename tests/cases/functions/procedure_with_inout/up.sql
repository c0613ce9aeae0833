-- main
CREATE OR REPLACE PROCEDURE public.transfer(IN from_id bigint, IN to_id bigint, IN amount numeric, INOUT ok boolean DEFAULT NULL::boolean)
 LANGUAGE plpgsql
AS $procedure$ begin ok := true; end $procedure$;
