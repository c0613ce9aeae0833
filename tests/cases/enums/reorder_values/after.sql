create type public.level as enum ('low', 'medium', 'high');
