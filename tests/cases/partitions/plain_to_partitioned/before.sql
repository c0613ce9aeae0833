create table public.logs (at date not null, msg text);
