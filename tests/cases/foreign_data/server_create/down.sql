-- main
drop server ledger;
