-- main
drop function public.current_count(which bigint);

-- main, deletes_data, rewrites_table, access_exclusive_lock
alter table public.counters alter column n type integer using n::integer;

-- main
CREATE OR REPLACE FUNCTION public.current_count(which bigint)
 RETURNS integer
 LANGUAGE sql
 STABLE
BEGIN ATOMIC
 SELECT counters.n
    FROM public.counters
   WHERE (counters.id = current_count.which);
END;
