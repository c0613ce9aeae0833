create table public.nodes (id bigint primary key, parent_id bigint references public.nodes (id) on delete cascade);
