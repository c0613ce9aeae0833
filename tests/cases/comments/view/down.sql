-- main
comment on view public.names is null;
