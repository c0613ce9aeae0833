alter default privileges in schema public grant usage, select on sequences to authenticated;
