create table public.orders (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references auth.users (id) on delete cascade,
  order_type public.order_type not null,
  status public.order_status not null default 'pending',
  total_cost integer not null default 0,
  credits_used integer not null default 0,
  items jsonb not null default '[]'::jsonb,
  metadata jsonb not null default '{}'::jsonb,
  error_message text,
  completed_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint orders_total_cost_not_negative check (total_cost >= 0),
  constraint orders_credits_used_not_negative check (credits_used >= 0),
  constraint orders_items_is_array check (jsonb_typeof(items) = 'array'),
  constraint orders_metadata_is_object check (jsonb_typeof(metadata) = 'object')
);
comment on table public.orders is 'Stock downloads and AI generations a user ordered. Status moves pending -> processing -> completed | failed | cancelled.';
comment on column public.orders.total_cost is 'Price in the smallest currency unit (cents), as in the guide''s example (total_cost 500, credits_used 5).';
comment on column public.orders.items is 'JSON array of the ordered assets, e.g. [{"id": "123", "type": "image"}].';
alter table public.orders enable row level security;
