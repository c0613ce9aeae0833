-- main
CREATE OR REPLACE FUNCTION public.add_tax(amount numeric)
 RETURNS numeric
 LANGUAGE sql
 IMMUTABLE
RETURN round((amount * 1.25), 2);
