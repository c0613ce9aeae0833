create table public.counters (id bigint primary key, n bigint not null default 0);
create function public.bump(which bigint) returns bigint language sql
begin atomic
  update public.counters set n = n + 1 where id = which;
  select n from public.counters where id = which;
end;
