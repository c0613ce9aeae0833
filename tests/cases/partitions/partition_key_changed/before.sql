create table public.logs (at date not null, region text not null, msg text) partition by range (at);
