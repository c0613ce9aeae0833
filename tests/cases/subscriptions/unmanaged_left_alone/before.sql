create table public.orders (id bigint primary key);
-- made by hand, never declared in schema/: the plan names it and leaves it alone
create subscription hand_made connection 'host=/nonexistent/creo-schema-tests dbname=x'
  publication elsewhere with (connect = false);
