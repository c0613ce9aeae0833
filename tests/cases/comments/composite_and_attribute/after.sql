create type public.address as (street text, city text);
comment on type public.address is 'a postal address';
comment on column public.address.city is 'as the post office spells it';
