create type public.level as enum ('low', 'high', 'medium');
