create table public.items (id bigint, sku bigint);
create index items_sku on public.items (sku);
