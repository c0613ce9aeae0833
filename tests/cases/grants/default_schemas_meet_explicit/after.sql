-- Schemas made from now on give usage and create to a role; the existing schema is made
-- again in the desired state, so it gets both, and takes create back.
alter default privileges grant usage, create on schemas to creo_case_r1;
create schema s2;
revoke create on schema s2 from creo_case_r1;
create schema s3;
