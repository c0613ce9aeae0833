create table public.shards (id bigint not null, body text) partition by hash (id);
create table public.shards_0 partition of public.shards for values with (modulus 2, remainder 0);
create table public.shards_1 partition of public.shards for values with (modulus 2, remainder 1);
