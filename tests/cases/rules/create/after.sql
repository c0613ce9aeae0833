create table public.orders (id bigint, total numeric);
create table public.orders_archive (id bigint, total numeric);
create rule orders_archive_delete as on delete to public.orders do also insert into public.orders_archive values (old.id, old.total);
