-- main
alter type public.address alter attribute zip type text;
