-- main
alter table public.p drop column total;
