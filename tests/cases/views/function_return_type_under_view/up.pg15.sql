-- main
drop view public.taxed;

-- main
drop function public.tax(amount numeric);

-- main
CREATE OR REPLACE FUNCTION public.tax(amount numeric)
 RETURNS double precision
 LANGUAGE sql
 IMMUTABLE
AS $function$ select (amount * 0.2)::double precision $function$;

-- main
create view public.taxed as
SELECT sales.id,
    public.tax(sales.amount) AS tax
   FROM public.sales;
