-- main, access_exclusive_lock
alter table public.codes alter column id set start with 1 set minvalue 1 set maxvalue 32767;
