create schema scratch;
grant usage, create on schema scratch to authenticated;
