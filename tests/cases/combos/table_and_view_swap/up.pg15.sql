-- main
drop view public.report;

-- main, deletes_data, access_exclusive_lock
drop table public.report_cache;

-- main
create table public.report (
  id bigint,
  v numeric
);

-- main, weakens_security
create view public.report_cache as
SELECT src.id,
    src.v
   FROM public.src;
