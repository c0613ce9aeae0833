-- main
alter domain public.percent drop constraint percent_range;
