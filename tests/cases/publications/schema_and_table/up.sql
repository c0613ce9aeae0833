-- main
create publication reporting;

-- main
alter publication reporting add tables in schema sales;

-- main
alter publication reporting add table public.orders;
