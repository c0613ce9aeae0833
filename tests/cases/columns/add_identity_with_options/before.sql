create table public.invoices (number integer not null, total numeric);
