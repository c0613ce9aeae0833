-- Names that are legal and end up in people's schemas: quotes, semicolons, comment and
-- dollar-quote markers, spaces, non-ASCII letters, reserved words.
create table public.plain (id bigint primary key);
