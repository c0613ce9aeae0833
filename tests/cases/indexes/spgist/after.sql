-- SP-GiST indexes: inet_ops over addresses, and the text operator class over names.
create table public.hosts (id bigint, addr inet, name text);
create index hosts_addr on public.hosts using spgist (addr inet_ops);
create index hosts_name on public.hosts using spgist (name);
