-- main
CREATE OR REPLACE TRIGGER orders_tagged BEFORE INSERT ON public.orders FOR EACH ROW EXECUTE FUNCTION public.tagged('a');
