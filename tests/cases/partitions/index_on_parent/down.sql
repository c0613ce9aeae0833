-- main, index_dropped
drop index public.measurements_value_idx;
