-- main
CREATE OR REPLACE FUNCTION public.avg_acc(acc numeric[], x numeric)
 RETURNS numeric[]
 LANGUAGE sql
 IMMUTABLE
AS $function$ select array[acc[1] + x, acc[2] + 1] $function$;

-- main
CREATE OR REPLACE FUNCTION public.avg_final(acc numeric[])
 RETURNS numeric
 LANGUAGE sql
 IMMUTABLE
AS $function$ select case when acc[2] = 0 then null else acc[1] / acc[2] end $function$;

-- main
CREATE AGGREGATE public.my_avg(numeric) (SFUNC = public.avg_acc, STYPE = numeric[], FINALFUNC = public.avg_final, INITCOND = '{0,0}', PARALLEL = SAFE);
