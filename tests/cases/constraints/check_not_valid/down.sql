-- main, access_exclusive_lock
alter table public.payments drop constraint payments_positive;
