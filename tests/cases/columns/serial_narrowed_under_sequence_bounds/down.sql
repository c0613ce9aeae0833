-- main
alter sequence public.slot_numbers as integer;

-- main, rewrites_table, access_exclusive_lock
alter table public.slots alter column n type integer using n::integer;
