-- main, weakens_security
create view public.tree_paths as
WITH RECURSIVE tree_paths(id, depth) AS (
         SELECT tree.id,
            0 AS "?column?"
           FROM public.tree
          WHERE (tree.parent_id IS NULL)
        UNION ALL
         SELECT t.id,
            (p.depth + 1)
           FROM (public.tree t
             JOIN tree_paths p ON ((t.parent_id = p.id)))
        )
 SELECT id,
    depth
   FROM tree_paths;
