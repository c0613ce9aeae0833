-- main
create materialized view public.item_names as
SELECT id,
    name
   FROM public.items;

-- main
CREATE UNIQUE INDEX item_names_id_idx ON public.item_names USING btree (id);
