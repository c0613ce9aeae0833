-- main
drop rule orders_archive_delete on public.orders;

-- main, rewrites_table, access_exclusive_lock
alter table public.orders alter column total type bigint using total::bigint;

-- main
CREATE RULE orders_archive_delete AS
    ON DELETE TO public.orders DO  INSERT INTO public.orders_archive (id, total)
  VALUES (old.id, old.total);
