create table public.settings (id bigint, data text);
