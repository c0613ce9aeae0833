-- main
comment on domain public.email is null;

-- main
comment on constraint email_at on domain public.email is null;
