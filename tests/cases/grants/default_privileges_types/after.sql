alter default privileges in schema public revoke usage on types from public;
