-- main
CREATE OR REPLACE FUNCTION public.touch_created()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$ begin new.created_at := now(); return new; end $function$;

-- main
CREATE TRIGGER items_touch BEFORE INSERT ON public.items FOR EACH ROW EXECUTE FUNCTION public.touch_created();
