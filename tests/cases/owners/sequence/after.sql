do $$ begin if not exists (select from pg_roles where rolname = 'creo_case_owner') then create role creo_case_owner nologin; end if; end $$;
create sequence public.tickets;
alter sequence public.tickets owner to creo_case_owner;
