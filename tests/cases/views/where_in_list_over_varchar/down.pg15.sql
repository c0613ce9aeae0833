-- main
create or replace view public.open_work with (security_invoker=true) as
SELECT tasks.id
   FROM public.tasks
  WHERE ((tasks.kind)::text = ANY ((ARRAY['bug'::character varying, 'chore'::character varying])::text[]));
