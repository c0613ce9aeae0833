-- main
alter type public.address alter attribute zip type integer;
