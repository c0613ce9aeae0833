-- main
CREATE OR REPLACE TRIGGER orders_touch BEFORE UPDATE OF total, status ON public.orders FOR EACH ROW EXECUTE FUNCTION public.touch();
