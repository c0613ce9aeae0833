-- main, share_lock
alter table public.children add constraint children_a_b_fkey FOREIGN KEY (a, b) REFERENCES public.parents(a, b) not valid;

-- validate
alter table public.children validate constraint children_a_b_fkey;
