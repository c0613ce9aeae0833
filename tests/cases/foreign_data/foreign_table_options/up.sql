-- main
alter foreign table public.ledger_entries options (set schema_name 'archive', add updatable 'false');
