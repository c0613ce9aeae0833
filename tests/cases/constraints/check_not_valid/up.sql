-- main, access_exclusive_lock
alter table public.payments add constraint payments_positive CHECK ((amount > (0)::numeric)) NOT VALID;
