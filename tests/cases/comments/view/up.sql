-- main
comment on view public.names is 'Just names';
