-- main
alter table public.lines drop column total;
