-- main
drop function public.split_name(full_name text, OUT first text, OUT last text);
