create table public.counters (id bigint primary key, n integer not null default 0);
create function public.current_count(which bigint) returns integer language sql stable
begin atomic
  select n from public.counters where id = which;
end;
