-- main, deletes_data
drop table public.measurements_2026;
