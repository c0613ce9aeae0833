-- main, access_exclusive_lock
alter table public.invoices drop constraint invoices_account_id_fkey;
