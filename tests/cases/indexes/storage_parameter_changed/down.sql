-- main
alter index public.hot_n set (fillfactor=90);
