-- main
alter table public.ledger_entries add column memo text options (column_name 'description');

-- main
alter table public.ledger_entries alter column amount type numeric(14,2);
