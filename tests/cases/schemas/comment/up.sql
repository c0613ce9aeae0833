-- main
comment on schema reports is 'read models for dashboards';
