-- main
create table public.payments (
  id bigint not null,
  order_id bigint not null,
  paid_at timestamp with time zone not null
);

-- main
alter table public.payments add constraint payments_pkey PRIMARY KEY (id);

-- main
alter publication shop add table public.payments;
