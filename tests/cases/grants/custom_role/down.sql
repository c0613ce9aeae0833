-- main
revoke select on table public.metrics from creo_case_analyst;
