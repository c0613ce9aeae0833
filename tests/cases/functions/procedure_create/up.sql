-- main
CREATE OR REPLACE PROCEDURE public.reset_prices()
 LANGUAGE sql
AS $procedure$ select 1 $procedure$;
