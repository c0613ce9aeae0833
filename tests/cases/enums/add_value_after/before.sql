create type public.status as enum ('draft', 'published');
