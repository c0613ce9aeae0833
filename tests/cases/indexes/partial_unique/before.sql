create table public.subscriptions (id bigint, user_id bigint, active boolean);
