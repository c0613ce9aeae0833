-- main
drop aggregate public.count_all(*);

-- main
drop aggregate public.fm(integer);

-- main
drop aggregate public.msum(integer);

-- main
drop aggregate public.mx(integer);

-- main
drop aggregate public.pct(double precision ORDER BY double precision);
