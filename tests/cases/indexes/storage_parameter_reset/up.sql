-- main
alter index public.hot_n reset (fillfactor);
