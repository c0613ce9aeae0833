create table public.a (id bigint primary key, b_id bigint);
create table public.b (id bigint primary key, c_id bigint);
create table public.c (id bigint primary key, a_id bigint references public.a (id));
alter table public.a add constraint a_b foreign key (b_id) references public.b (id);
alter table public.b add constraint b_c foreign key (c_id) references public.c (id);
