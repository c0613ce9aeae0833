create foreign data wrapper ledger_fdw;
create server ledger foreign data wrapper ledger_fdw options (host 'ledger.internal', port '5432');
create table public.entries (id bigint not null, year int not null) partition by list (year);
