-- main
CREATE OR REPLACE TRIGGER tasks_touch BEFORE UPDATE ON public.tasks FOR EACH ROW WHEN (((new.kind)::text = ANY ((ARRAY['bug'::character varying, 'chore'::character varying, 'feature'::character varying])::text[]))) EXECUTE FUNCTION public.touch();
