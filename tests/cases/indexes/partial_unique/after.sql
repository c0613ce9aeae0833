create table public.subscriptions (id bigint, user_id bigint, active boolean);
create unique index one_active_subscription on public.subscriptions (user_id) where active;
