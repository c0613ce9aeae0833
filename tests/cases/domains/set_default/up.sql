-- main
alter domain public.label set default 'none'::text;
