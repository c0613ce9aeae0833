create table public.tree (id bigint primary key, parent_id bigint);
create recursive view public.tree_paths (id, depth) as select id, 0 from public.tree where parent_id is null union all select t.id, p.depth + 1 from public.tree t join tree_paths p on t.parent_id = p.id;
