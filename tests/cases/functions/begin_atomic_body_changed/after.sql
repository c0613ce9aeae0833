create table public.counters (id bigint primary key, n bigint not null default 0);
create function public.current_count(which bigint) returns bigint language sql stable
begin atomic
  select coalesce(max(n), 0) from public.counters where id = which;
end;
