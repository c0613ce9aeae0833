-- main
comment on domain public.email is 'an address with an at sign';

-- main
comment on constraint email_at on domain public.email is 'the cheapest check there is';
