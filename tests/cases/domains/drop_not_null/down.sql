-- main
alter domain public.name_text set not null;
