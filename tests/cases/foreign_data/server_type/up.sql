-- main
drop foreign table public.ledger_entries;

-- main
drop server ledger;

-- main
create server ledger type 'archive'
  foreign data wrapper ledger_fdw
  options (host 'ledger.internal', port '5432');

-- main
create foreign table public.ledger_entries (
  id bigint options (column_name 'entry_id') not null,
  amount numeric(12,2),
  booked_on date
) server ledger options (schema_name 'books', table_name 'entries');
