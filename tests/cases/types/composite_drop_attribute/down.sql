-- main
alter type public.address add attribute country text;
