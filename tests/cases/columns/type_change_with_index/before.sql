create table public.items (id bigint, sku integer);
create index items_sku on public.items (sku);
