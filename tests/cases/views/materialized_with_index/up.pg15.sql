-- main
create materialized view public.item_names as
SELECT items.id,
    items.name
   FROM public.items;

-- main
CREATE UNIQUE INDEX item_names_id_idx ON public.item_names USING btree (id);
