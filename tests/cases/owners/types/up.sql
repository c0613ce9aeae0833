-- main
alter type public.mood owner to creo_case_owner;

-- main
alter domain public.email owner to creo_case_owner;

-- main
alter type public.pair owner to creo_case_owner;
