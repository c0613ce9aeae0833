create table public.plain (id bigint primary key);

create table public."Weird; drop table x --" (
  "id" bigint primary key,
  "select" text not null default 'a;b',
  "Größe $$" numeric(10, 2),
  "quote""d" text,
  "user" text
);
comment on table public."Weird; drop table x --" is 'it''s; -- not a comment $$';
comment on column public."Weird; drop table x --"."quote""d" is 'a "quoted" column';

create index "idx; --" on public."Weird; drop table x --" ("select", "Größe $$");

create view public."order by" with (security_invoker = true) as
  select "id", "select" as "from" from public."Weird; drop table x --";
comment on view public."order by" is 'view $$ with -- text';

create function public."do $$ it"("in" text) returns text
  language sql immutable set search_path = ''
  as $body$ select 'x;' || "in" || '$$' $body$;
comment on function public."do $$ it"(text) is 'fn; --';

alter table public."Weird; drop table x --" enable row level security;
create policy "own rows; --" on public."Weird; drop table x --"
  for select to authenticated using ("user" = (select auth.uid()::text));
comment on policy "own rows; --" on public."Weird; drop table x --" is 'policy "comment"';

grant select ("select", "quote""d") on public."Weird; drop table x --" to authenticated;
