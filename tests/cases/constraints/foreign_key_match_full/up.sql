-- main, access_exclusive_lock
alter table public.offices drop constraint offices_place;

-- main, share_lock
alter table public.offices add constraint offices_place FOREIGN KEY (country, city) REFERENCES public.places(country, city) MATCH FULL not valid;

-- validate
alter table public.offices validate constraint offices_place;
