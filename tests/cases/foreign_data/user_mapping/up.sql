-- main
create user mapping for postgres server ledger options ("user" 'reporting');

-- main
create user mapping for public server ledger;
