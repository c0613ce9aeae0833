create table public.orders (id bigint primary key, total numeric(10, 2) not null);

-- The publisher's slot is made by hand later (connect = false): created disabled, its
-- slot named after it, nothing copied.
create subscription orders_feed
  connection ''
  publication orders_pub
  with (connect = false);
