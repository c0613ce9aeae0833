-- main
alter function public.admin_count() set search_path to '';
