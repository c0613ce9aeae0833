create function public.f() returns integer language sql as $$ select 1 $$;
create procedure public.p() language sql as $$ select 1 $$;
alter function public.f() owner to creo_case_owner;
alter procedure public.p() owner to creo_case_owner;
