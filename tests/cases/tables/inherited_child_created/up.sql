-- main
create table public.child (
  extra text
) inherits (public.base);
