-- main
drop trigger accounts_balance on public.accounts;

-- main
CREATE CONSTRAINT TRIGGER accounts_balance AFTER INSERT OR UPDATE ON public.accounts DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public.check_balance();
