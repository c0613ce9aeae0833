-- main
CREATE OR REPLACE FUNCTION public.cheap_items(max_price numeric)
 RETURNS TABLE(id bigint, name text)
 LANGUAGE sql
 STABLE
AS $function$ select id, name from public.items where price <= max_price $function$;
