-- main
alter view public.urgent_open_tasks set (check_option=cascaded);
