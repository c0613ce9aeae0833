-- main, access_exclusive_lock
alter table public.invoices alter column number add generated always as identity (START WITH 500 INCREMENT BY 2 MINVALUE 1 MAXVALUE 2147483647 CACHE 1 NO CYCLE);
