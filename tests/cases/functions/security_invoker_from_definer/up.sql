-- main
alter function public.whoami() security invoker;
