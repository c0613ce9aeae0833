create table public.settings (id bigint, data jsonb);
