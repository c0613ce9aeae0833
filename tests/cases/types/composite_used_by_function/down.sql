-- main
alter type public.pair drop attribute c;
