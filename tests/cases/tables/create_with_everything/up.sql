-- main
create table public.accounts (
  id bigint generated always as identity (START WITH 1 INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 CACHE 1 NO CYCLE) not null,
  email text not null,
  plan text default 'free'::text not null,
  balance numeric(12,2) default 0 not null,
  created_at timestamp with time zone default now() not null
) with (fillfactor=80);

-- main
alter table public.accounts add constraint accounts_email_key UNIQUE (email);

-- main
alter table public.accounts add constraint accounts_pkey PRIMARY KEY (id);

-- main
alter table public.accounts add constraint accounts_plan_check CHECK ((plan = ANY (ARRAY['free'::text, 'pro'::text])));

-- main
CREATE INDEX accounts_created_at ON public.accounts USING btree (created_at DESC);

-- main
comment on table public.accounts is 'one row per paying customer';
