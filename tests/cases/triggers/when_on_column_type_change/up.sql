-- main
drop trigger orders_big on public.orders;

-- main, rewrites_table, access_exclusive_lock
alter table public.orders alter column total type bigint using total::bigint;

-- main
CREATE TRIGGER orders_big BEFORE UPDATE ON public.orders FOR EACH ROW WHEN ((new.total > 100)) EXECUTE FUNCTION public.noop();
