create type public.status as enum ('on', 'off');
