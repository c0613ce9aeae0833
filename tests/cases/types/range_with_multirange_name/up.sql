-- main
create type public.daterange2 as range (subtype = date, multirange_type_name = public.daterange2_multi);
