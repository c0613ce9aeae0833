-- main
CREATE OR REPLACE FUNCTION public.add_tax(amount numeric)
 RETURNS numeric
 LANGUAGE sql
 IMMUTABLE
RETURN (amount * 1.2);
