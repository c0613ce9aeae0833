-- main
drop subscription "Audit Feed";
