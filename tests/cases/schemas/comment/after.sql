create schema reports;
comment on schema reports is 'read models for dashboards';
