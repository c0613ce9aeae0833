-- main
drop view public.tree_paths;
