-- main, access_exclusive_lock
alter table public.documents alter column body set storage extended;
