create function public.pick_acc(acc text, x text) returns text language sql immutable as $$ select coalesce(acc, x) $$;
create aggregate public.first_text(order by text) (sfunc = public.pick_acc, stype = text);
