create table public.places (country text, city text, primary key (country, city));
create table public.offices (id bigint, country text, city text, constraint offices_place foreign key (country, city) references public.places (country, city) match full);
