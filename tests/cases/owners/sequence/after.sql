create sequence public.tickets;
alter sequence public.tickets owner to creo_case_owner;
