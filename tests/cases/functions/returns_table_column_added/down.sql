-- main
drop function public.find_users(q text);

-- main
CREATE OR REPLACE FUNCTION public.find_users(q text)
 RETURNS TABLE(id bigint, name text)
 LANGUAGE sql
 STABLE
AS $function$ select id, name from public.users where name like q $function$;
