-- main
alter function public.audit() security definer set search_path to '';
