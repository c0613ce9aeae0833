-- main, access_exclusive_lock
alter table public.codes alter column id set start with 10 set minvalue 10 set maxvalue 9000 restart with 10;
