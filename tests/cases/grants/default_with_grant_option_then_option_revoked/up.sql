-- main
revoke grant option for usage on sequence public.s from creo_case_r1;

-- main
revoke grant option for select on table public.t from creo_case_r1;
