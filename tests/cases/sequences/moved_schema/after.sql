create schema app;
create sequence app.counter;
