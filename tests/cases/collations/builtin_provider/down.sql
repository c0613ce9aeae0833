-- main, access_exclusive_lock
alter table public.names alter column n type text;

-- main
drop collation public.utf8_binary;
