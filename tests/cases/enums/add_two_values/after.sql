create type public.size as enum ('xs', 's', 'm', 'l', 'xl');
