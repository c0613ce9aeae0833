-- main
alter function public.f() owner to creo_case_owner;

-- main
alter procedure public.p() owner to creo_case_owner;
