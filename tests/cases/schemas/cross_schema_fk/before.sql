create schema app;
create table app.accounts (id bigint primary key);
create table public.invoices (id bigint primary key, account_id bigint not null);
