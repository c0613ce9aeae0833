create type public.size as enum ('s', 'm');
