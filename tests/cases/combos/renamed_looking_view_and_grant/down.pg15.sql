-- main
drop view public.v_new;

-- main, weakens_security
create view public.v_old as
SELECT t.id
   FROM public.t;

-- main, weakens_security
grant select on table public.v_old to anon;
