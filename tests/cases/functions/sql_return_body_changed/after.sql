-- An SQL-standard body of one RETURN (parsed when created, its dependencies recorded).
create function public.add_tax(amount numeric) returns numeric language sql immutable return round(amount * 1.25, 2);
