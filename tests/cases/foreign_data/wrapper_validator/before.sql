create function public.ledger_validator(options text[], catalog oid) returns void
language plpgsql as $$
begin
  if exists (select from unnest(options) o where o like 'bad=%') then
    raise exception 'bad option';
  end if;
end
$$;

create foreign data wrapper ledger_fdw;
