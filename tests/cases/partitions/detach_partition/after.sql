create table public.logs (at date not null, msg text) partition by range (at);
create table public.logs_2023 (at date not null, msg text);
