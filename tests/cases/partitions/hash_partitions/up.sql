-- main
create table public.shards (
  id bigint not null,
  body text
) partition by HASH (id);

-- main
create table public.shards_0 partition of public.shards
  FOR VALUES WITH (modulus 2, remainder 0);

-- main
create table public.shards_1 partition of public.shards
  FOR VALUES WITH (modulus 2, remainder 1);
