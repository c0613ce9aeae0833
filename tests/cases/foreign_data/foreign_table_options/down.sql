-- main
alter foreign table public.ledger_entries options (drop updatable, set schema_name 'books');
