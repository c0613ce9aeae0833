-- main
CREATE TRIGGER items_touch BEFORE UPDATE ON public.items FOR EACH ROW WHEN ((old.name IS DISTINCT FROM new.name)) EXECUTE FUNCTION public.touch_created();
