create table public.users (id bigint primary key);
create table public.events (at date not null, user_id bigint references public.users (id)) partition by range (at);
create table public.events_2024 partition of public.events for values from ('2024-01-01') to ('2025-01-01');
