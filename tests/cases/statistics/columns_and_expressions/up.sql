-- main
CREATE STATISTICS public.events_kind_day ON kind, date_trunc('day'::text, (at AT TIME ZONE 'UTC'::text)), lower(kind) FROM public.events;
