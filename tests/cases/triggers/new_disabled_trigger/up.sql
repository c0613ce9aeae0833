-- main
CREATE TRIGGER orders_noop BEFORE INSERT ON public.orders FOR EACH ROW EXECUTE FUNCTION public.noop();

-- main, access_exclusive_lock
alter table public.orders disable trigger orders_noop;
