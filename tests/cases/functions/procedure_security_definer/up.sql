-- main, weakens_security
alter procedure public.cleanup() security definer set search_path to '';
