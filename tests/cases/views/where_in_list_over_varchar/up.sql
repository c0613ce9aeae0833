-- main
create or replace view public.open_work with (security_invoker=true) as
SELECT id
   FROM public.tasks
  WHERE ((kind)::text = ANY ((ARRAY['bug'::character varying, 'chore'::character varying, 'feature'::character varying])::text[]));
