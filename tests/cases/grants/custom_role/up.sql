-- main
grant select on table public.metrics to creo_case_analyst;
