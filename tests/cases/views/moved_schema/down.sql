-- main
drop view api.acc;

-- main, weakens_security
create view public.acc as
SELECT id
   FROM public.accounts;
