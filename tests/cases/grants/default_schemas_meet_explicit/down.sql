-- main
drop schema s3;

-- main
alter default privileges revoke create, usage on schemas from creo_case_r1;

-- main
revoke usage on schema s2 from creo_case_r1;
