-- main
alter foreign table public.ledger_entries alter column id options (drop column_name);

-- main
alter foreign table public.ledger_entries alter column amount options (add column_name 'amount_eur');
