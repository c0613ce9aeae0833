-- main
alter function public.whoami() security definer;
