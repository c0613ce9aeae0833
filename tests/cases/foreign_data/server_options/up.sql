-- main
alter server ledger options (drop port, set host 'ledger.example', add dbname 'books');
