-- main
drop view public.taxed;

-- main
drop function public.tax(amount numeric);

-- main
CREATE OR REPLACE FUNCTION public.tax(amount numeric)
 RETURNS numeric
 LANGUAGE sql
 IMMUTABLE
AS $function$ select amount * 0.2 $function$;

-- main
create view public.taxed as
SELECT sales.id,
    public.tax(sales.amount) AS tax
   FROM public.sales;
