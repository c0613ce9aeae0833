-- main, access_exclusive_lock
alter table public.invoices alter column number drop identity;
