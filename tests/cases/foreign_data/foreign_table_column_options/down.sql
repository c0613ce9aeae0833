-- main
alter foreign table public.ledger_entries alter column id options (add column_name 'entry_id');

-- main
alter foreign table public.ledger_entries alter column amount options (drop column_name);
