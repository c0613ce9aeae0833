-- main
CREATE OR REPLACE FUNCTION public.stamp_event()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
begin
  new.at := now();
  return new;
end
$function$;

-- main
CREATE TRIGGER events_stamp BEFORE INSERT ON public.events FOR EACH ROW EXECUTE FUNCTION public.stamp_event();
