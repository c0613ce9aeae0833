-- main
alter type public.address alter attribute city type text;
