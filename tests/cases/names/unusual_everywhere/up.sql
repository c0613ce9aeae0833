-- main
CREATE OR REPLACE FUNCTION public."do $$ it"("in" text)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE
 SET search_path TO ''
AS $function$ select 'x;' || "in" || '$$' $function$;

-- main
create table public."Weird; drop table x --" (
  id bigint not null,
  "select" text default 'a;b'::text not null,
  "Größe $$" numeric(10,2),
  "quote""d" text,
  "user" text
);

-- main
alter table public."Weird; drop table x --" enable row level security;

-- main
alter table public."Weird; drop table x --" add constraint "Weird; drop table x --_pkey" PRIMARY KEY (id);

-- main
CREATE INDEX "idx; --" ON public."Weird; drop table x --" USING btree ("select", "Größe $$");

-- main
create view public."order by" with (security_invoker=true) as
SELECT id,
    "select" AS "from"
   FROM public."Weird; drop table x --";

-- main
create policy "own rows; --" on public."Weird; drop table x --"
  as permissive for select to authenticated
  using (("user" = ( SELECT (auth.uid())::text AS uid)));

-- main
grant select ("select") on table public."Weird; drop table x --" to authenticated;

-- main
comment on column public."Weird; drop table x --"."quote""d" is 'a "quoted" column';

-- main
grant select ("quote""d") on table public."Weird; drop table x --" to authenticated;

-- main
comment on function public."do $$ it"("in" text) is 'fn; --';

-- main
comment on policy "own rows; --" on public."Weird; drop table x --" is 'policy "comment"';

-- main
comment on table public."Weird; drop table x --" is 'it''s; -- not a comment $$';

-- main
comment on view public."order by" is 'view $$ with -- text';
