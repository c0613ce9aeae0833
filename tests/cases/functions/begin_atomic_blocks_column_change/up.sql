-- main
drop function public.current_count(which bigint);

-- main, rewrites_table, access_exclusive_lock
alter table public.counters alter column n type bigint using n::bigint;

-- main
CREATE OR REPLACE FUNCTION public.current_count(which bigint)
 RETURNS bigint
 LANGUAGE sql
 STABLE
BEGIN ATOMIC
 SELECT counters.n
    FROM public.counters
   WHERE (counters.id = current_count.which);
END;
