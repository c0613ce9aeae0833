create domain public.email as text constraint email_at check (value like '%@%');
comment on domain public.email is 'an address with an at sign';
comment on constraint email_at on domain public.email is 'the cheapest check there is';
