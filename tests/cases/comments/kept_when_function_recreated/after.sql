-- A new result type cannot be replaced in place: the function is dropped and created
-- again, with its comment.
create function public.price_of(item int) returns numeric language sql as 'select item * 10.0';
comment on function public.price_of(int) is 'price in cents';
