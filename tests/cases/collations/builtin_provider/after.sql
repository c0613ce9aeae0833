-- The builtin provider (PostgreSQL 17+): code-point order with Unicode character classes,
-- no libc or ICU behind it; a column takes it.
create collation public.utf8_binary (provider = builtin, locale = 'C.UTF-8');
create table public.names (n text collate public.utf8_binary);
