-- main
grant usage on sequence public.s to creo_case_r1 with grant option;

-- main
grant select on table public.t to creo_case_r1 with grant option;
