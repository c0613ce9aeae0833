-- main
alter type public.pair add attribute c integer;
