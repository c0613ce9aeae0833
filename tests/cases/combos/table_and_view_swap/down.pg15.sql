-- main
drop view public.report_cache;

-- main, deletes_data, access_exclusive_lock
drop table public.report;

-- main
create table public.report_cache (
  id bigint,
  v numeric
);

-- main, weakens_security
create view public.report as
SELECT src.id,
    src.v
   FROM public.src;
