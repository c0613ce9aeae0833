-- main
drop trigger orders_big on public.orders;

-- main, deletes_data, rewrites_table, access_exclusive_lock
alter table public.orders alter column total type integer using total::integer;

-- main
CREATE TRIGGER orders_big BEFORE UPDATE ON public.orders FOR EACH ROW WHEN ((new.total > 100)) EXECUTE FUNCTION public.noop();
