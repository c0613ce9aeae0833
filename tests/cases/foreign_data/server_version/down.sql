-- main
alter server ledger version '15';
