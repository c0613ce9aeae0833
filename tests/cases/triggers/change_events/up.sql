-- main
CREATE OR REPLACE TRIGGER items_touch BEFORE INSERT OR UPDATE ON public.items FOR EACH ROW EXECUTE FUNCTION public.touch_created();
