-- main
CREATE OR REPLACE FUNCTION public.total_balance()
 RETURNS numeric
 LANGUAGE sql
 STABLE
AS $function$
  select coalesce(sum(a.balance), 0) + (select count(*) from public.entries) from public.accounts a
$function$;

-- main
create table public.entries (
  id bigint not null,
  account bigint
);

-- main, access_exclusive_lock
alter table public.accounts add column balance numeric default 0 not null;

-- main
alter table public.entries add constraint entries_account_fkey FOREIGN KEY (account) REFERENCES public.accounts(id);

-- main
alter table public.entries add constraint entries_pkey PRIMARY KEY (id);
