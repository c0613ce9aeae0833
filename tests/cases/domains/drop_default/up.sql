-- main
alter domain public.score drop default;
