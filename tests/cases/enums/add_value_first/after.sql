create type public.status as enum ('idea', 'draft', 'published');
