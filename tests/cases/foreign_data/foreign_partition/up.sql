-- main
create foreign table public.entries_2020 partition of public.entries
  FOR VALUES IN (2020) server ledger options (table_name 'entries_2020');
