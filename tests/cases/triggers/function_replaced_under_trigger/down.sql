-- main
alter function public.audit() security invoker reset search_path;
