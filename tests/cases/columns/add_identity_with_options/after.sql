create table public.invoices (number integer not null generated always as identity (start with 500 increment by 2), total numeric);
