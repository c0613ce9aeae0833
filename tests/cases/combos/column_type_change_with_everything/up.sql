-- main
drop policy items_visible on public.items;

-- main
drop trigger items_priced on public.items;

-- main
drop view public.cheap_count;

-- main
drop view public.cheap;

-- main, access_exclusive_lock
alter table public.items drop constraint items_price_check;

-- main, deletes_data, rewrites_table, access_exclusive_lock
alter table public.items alter column price type numeric(10,2) using price::numeric(10,2);

-- main, access_exclusive_lock
alter table public.items add constraint items_price_check CHECK ((price >= (0)::numeric)) not valid;

-- main
create view public.cheap as
SELECT id,
    price
   FROM public.items
  WHERE (price < (10)::numeric);

-- main
create view public.cheap_count as
SELECT count(*) AS n
   FROM public.cheap;

-- main
CREATE TRIGGER items_priced BEFORE UPDATE OF price ON public.items FOR EACH ROW WHEN ((new.price > (0)::numeric)) EXECUTE FUNCTION public.noop();

-- main, weakens_security
create policy items_visible on public.items
  as permissive for select to anon
  using ((price > (0)::numeric));

-- main
comment on view public.cheap is 'under ten';

-- main, weakens_security
grant select on table public.cheap to anon;

-- validate
alter table public.items validate constraint items_price_check;
