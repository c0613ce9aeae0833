-- main
alter function public.f() owner to current_user;

-- main
alter procedure public.p() owner to current_user;
