-- main
drop view public.acc;

-- main, weakens_security
create view api.acc as
SELECT accounts.id
   FROM public.accounts;
