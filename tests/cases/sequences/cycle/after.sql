create sequence public.wheel minvalue 1 maxvalue 12 cycle;
