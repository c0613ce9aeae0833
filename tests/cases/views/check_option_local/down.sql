-- main
alter view public.open_tasks reset (check_option);
