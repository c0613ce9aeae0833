-- main
drop foreign table public.daily_sales;

-- main
drop user mapping for postgres server warehouse;

-- main
drop server warehouse;

-- main, deletes_data
drop extension postgres_fdw;
