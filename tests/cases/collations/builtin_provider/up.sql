-- main
create collation public.utf8_binary (provider = builtin, locale = 'C.UTF-8');

-- main, access_exclusive_lock
alter table public.names alter column n type text collate public.utf8_binary;
