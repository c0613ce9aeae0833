-- main, access_exclusive_lock, index_build
alter table public.accounts add constraint accounts_email_key UNIQUE (email);

-- main, access_exclusive_lock, index_build
alter table public.accounts add constraint accounts_pkey PRIMARY KEY (id);
