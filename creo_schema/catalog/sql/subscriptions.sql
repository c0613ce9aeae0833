-- Subscriptions of this database: pg_subscription is shared by the cluster's databases,
-- one row per database's subscription. Which are managed is decided by name (those schema/
-- declares, and those the last migration managed: catalog/inspection.py).
-- The connection string (subconninfo) is never read: only superusers may, it holds the
-- publisher's password, and a plan takes it from the environment, so a changed value is no
-- difference. The options PostgreSQL 16 and 17 added are read where the server has them
-- (a line ending `-- from N, else ...` is the other text on older ones: catalog/versioned.py).
select s.oid::bigint as oid,
       s.subname::text as name,
       pg_get_userbyid(s.subowner) as owner,
       s.subenabled as enabled,
       array(select p from unnest(s.subpublications) p order by 1) as publications,
       s.subslotname::text as slot_name,
       s.subbinary as binary,
       -- a boolean on 15, a "char" (f, t, p) from 16
       case s.substream::text when 'true' then 'on' when 't' then 'on'
                              when 'p' then 'parallel' else 'off' end as streaming,
       s.subsynccommit as synchronous_commit,
       s.subdisableonerr as disable_on_error,
       s.subtwophasestate <> 'd' as two_phase,
       s.suborigin as origin,  -- from 16, else 'any' as origin,
       s.subpasswordrequired as password_required,  -- from 16, else true as password_required,
       s.subrunasowner as run_as_owner,  -- from 16, else false as run_as_owner,
       s.subfailover as failover,  -- from 17, else false as failover,
       -- as a rollback would create it again: reaching the publisher only for a slot to
       -- make, or rows to replicate (catalog/model.py Subscription)
       s.subenabled or s.subslotname is not null as connect,
       s.subslotname is not null as remote_slot,
       false as copy_data,
       '' as conninfo_env
  from pg_subscription s
 where s.subdbid = (select oid from pg_database where datname = current_database())
 order by 2
