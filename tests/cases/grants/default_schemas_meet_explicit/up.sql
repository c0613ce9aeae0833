-- main
alter default privileges grant create, usage on schemas to creo_case_r1;

-- main
create schema s3;

-- main
grant usage on schema s2 to creo_case_r1;
