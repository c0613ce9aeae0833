-- main
create table public.child (
  id integer,
  parent_code integer
);

-- main
create table public.other_child (
  id integer,
  parent_ref integer
);

-- main, access_exclusive_lock
alter table public.parent add column ref integer;

-- main, access_exclusive_lock, index_build
alter table public.parent add constraint parent_code_key UNIQUE (code);

-- main
alter table public.child add constraint child_parent_code_fkey FOREIGN KEY (parent_code) REFERENCES public.parent(code);

-- main, index_build, share_lock
CREATE UNIQUE INDEX parent_ref_idx ON public.parent USING btree (ref);

-- main
alter table public.other_child add constraint other_child_parent_fk FOREIGN KEY (parent_ref) REFERENCES public.parent(ref);
