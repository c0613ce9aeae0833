create extension if not exists hstore with schema public version '1.7';
