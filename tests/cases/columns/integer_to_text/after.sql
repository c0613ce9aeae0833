create table public.refs (id bigint, code text);
