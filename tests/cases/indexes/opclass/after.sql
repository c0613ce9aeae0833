create table public.paths (id bigint, path text);
create index paths_prefix on public.paths (path text_pattern_ops);
