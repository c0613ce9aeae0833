-- main
drop trigger accounts_balance on public.accounts;
