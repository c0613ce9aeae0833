-- post
alter table public.p cluster on p_pkey;
