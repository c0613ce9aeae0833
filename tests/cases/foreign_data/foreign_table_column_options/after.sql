create foreign data wrapper ledger_fdw;
create server ledger foreign data wrapper ledger_fdw options (host 'ledger.internal', port '5432');
create foreign table public.ledger_entries (
  id bigint not null,
  amount numeric(12, 2) options (column_name 'amount_eur'),
  booked_on date
) server ledger options (schema_name 'books', table_name 'entries');
