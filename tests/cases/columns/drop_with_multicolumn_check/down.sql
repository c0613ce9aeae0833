-- main, access_exclusive_lock
alter table public.periods add column ends date;

-- main, access_exclusive_lock
alter table public.periods add constraint ordered CHECK ((starts <= ends));
