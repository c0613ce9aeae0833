-- main
alter server ledger version '16.2';
