-- main
alter procedure public.cleanup() security invoker reset search_path;
