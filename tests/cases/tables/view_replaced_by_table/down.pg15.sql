-- main, deletes_data, access_exclusive_lock
drop table public.summary;

-- main, weakens_security
create view public.summary as
SELECT count(*) AS n,
    sum(raw.total) AS total
   FROM public.raw;
