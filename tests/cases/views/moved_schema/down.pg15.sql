-- main
drop view api.acc;

-- main, weakens_security
create view public.acc as
SELECT accounts.id
   FROM public.accounts;
