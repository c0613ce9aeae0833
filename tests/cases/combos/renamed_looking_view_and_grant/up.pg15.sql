-- main
drop view public.v_old;

-- main, weakens_security
create view public.v_new as
SELECT t.id
   FROM public.t;

-- main, weakens_security
grant select on table public.v_new to anon;
