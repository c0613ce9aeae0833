-- the foreign keys come first in the file; the keys they need are declared below them
create table public.child (id int, parent_code int references public.parent (code));
create table public.other_child (id int, parent_ref int,
  constraint other_child_parent_fk foreign key (parent_ref) references public.parent (ref));
create table public.parent (id int primary key, code int, ref int);
alter table public.parent add constraint parent_code_key unique (code);
create unique index parent_ref_idx on public.parent (ref);
