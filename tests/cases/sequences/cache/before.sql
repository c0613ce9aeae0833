create sequence public.fast;
