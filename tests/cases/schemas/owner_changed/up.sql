-- main
alter schema reports owner to creo_case_owner;
