create extension if not exists hstore with schema public;
