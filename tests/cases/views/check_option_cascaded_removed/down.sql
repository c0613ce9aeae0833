-- main
alter view public.open_tasks set (check_option=cascaded);
