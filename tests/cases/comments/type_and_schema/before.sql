create type public.status as enum ('a', 'b');
