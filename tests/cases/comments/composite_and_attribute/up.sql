-- main
comment on type public.address is 'a postal address';

-- main
comment on column public.address.city is 'as the post office spells it';
