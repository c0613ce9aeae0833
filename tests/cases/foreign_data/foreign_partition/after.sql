create foreign data wrapper ledger_fdw;
create server ledger foreign data wrapper ledger_fdw options (host 'ledger.internal', port '5432');
create table public.entries (id bigint not null, year int not null) partition by list (year);
create foreign table public.entries_2020 partition of public.entries
  for values in (2020) server ledger options (table_name 'entries_2020');
