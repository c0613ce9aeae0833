-- main
alter table public.orders drop column double_quantity;
