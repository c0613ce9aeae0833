-- main
CREATE OR REPLACE PROCEDURE public.touch(IN x integer)
 LANGUAGE plpgsql
AS $procedure$ begin perform x; end $procedure$;
