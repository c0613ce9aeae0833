-- main
CREATE OR REPLACE RULE orders_archive_delete AS
    ON DELETE TO public.orders DO  INSERT INTO public.orders_archive (id, total)
  VALUES (old.id, old.total);
