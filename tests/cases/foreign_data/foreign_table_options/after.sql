create foreign data wrapper ledger_fdw;
create server ledger foreign data wrapper ledger_fdw options (host 'ledger.internal', port '5432');
create foreign table public.ledger_entries (
  id bigint options (column_name 'entry_id') not null,
  amount numeric(12, 2),
  booked_on date
) server ledger options (schema_name 'archive', table_name 'entries', updatable 'false');
