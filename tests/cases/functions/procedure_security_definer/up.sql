-- main
alter procedure public.cleanup() security definer set search_path to '';
