create table public.periods (id bigint, starts date, ends date, constraint ordered check (starts <= ends));
