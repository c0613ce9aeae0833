-- main
CREATE STATISTICS public.people_domain ON lower(email), split_part(email, '@'::text, 2) FROM public.people;
