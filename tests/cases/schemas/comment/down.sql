-- main
comment on schema reports is null;
