-- The identity column narrows to integer; its sequence's explicit bounds fit the new type,
-- so they stay as they are (the sequence becomes AS integer with it).
create table public.tickets (id int generated always as identity (maxvalue 100000) primary key, title text);
