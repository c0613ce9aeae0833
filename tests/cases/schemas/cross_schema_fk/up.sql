-- main, share_lock
alter table public.invoices add constraint invoices_account_id_fkey FOREIGN KEY (account_id) REFERENCES app.accounts(id) not valid;

-- validate
alter table public.invoices validate constraint invoices_account_id_fkey;
