create type public.status as enum ('draft', 'review', 'published');
