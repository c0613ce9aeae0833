create function public.price_of(item int) returns int language sql as 'select item * 10';
comment on function public.price_of(int) is 'price in cents';
