-- main
alter publication shop add table public.payments;
