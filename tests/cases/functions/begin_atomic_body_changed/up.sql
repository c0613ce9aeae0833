-- main
CREATE OR REPLACE FUNCTION public.current_count(which bigint)
 RETURNS bigint
 LANGUAGE sql
 STABLE
BEGIN ATOMIC
 SELECT COALESCE(max(counters.n), (0)::bigint) AS "coalesce"
    FROM public.counters
   WHERE (counters.id = current_count.which);
END;
