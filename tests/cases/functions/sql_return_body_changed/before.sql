create function public.add_tax(amount numeric) returns numeric language sql immutable return amount * 1.2;
