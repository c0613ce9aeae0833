create sequence public.fast cache 50;
