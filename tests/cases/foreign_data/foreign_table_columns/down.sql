-- main
alter table public.ledger_entries drop column memo;

-- main
alter table public.ledger_entries alter column amount type numeric(12,2);
