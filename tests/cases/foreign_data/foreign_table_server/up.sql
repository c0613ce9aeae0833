-- main
drop foreign table public.ledger_entries;

-- main
create foreign table public.ledger_entries (
  id bigint options (column_name 'entry_id') not null,
  amount numeric(12,2),
  booked_on date
) server archive options (schema_name 'books', table_name 'entries');
