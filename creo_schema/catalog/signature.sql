-- A cheap signature of every catalog a schema diff reads: row count and the sum of row
-- versions (xmin) per catalog. Any DDL, GRANT or COMMENT inserts, updates or deletes a
-- catalog row, which changes a count or a sum; VACUUM and ANALYZE update pg_class in place
-- and change neither. A freeze changes the sums: that only costs a fresh inspection.
select (select string_agg(name || ':' || n || ':' || s, ' ' order by name) from (
    select 'pg_namespace' as name, count(*) as n, sum(xmin::text::numeric) as s from pg_namespace
    union all select 'pg_class', count(*), sum(xmin::text::numeric) from pg_class
    union all select 'pg_attribute', count(*), sum(xmin::text::numeric) from pg_attribute
    union all select 'pg_attrdef', count(*), sum(xmin::text::numeric) from pg_attrdef
    union all select 'pg_constraint', count(*), sum(xmin::text::numeric) from pg_constraint
    union all select 'pg_index', count(*), sum(xmin::text::numeric) from pg_index
    union all select 'pg_proc', count(*), sum(xmin::text::numeric) from pg_proc
    union all select 'pg_type', count(*), sum(xmin::text::numeric) from pg_type
    union all select 'pg_enum', count(*), sum(xmin::text::numeric) from pg_enum
    union all select 'pg_rewrite', count(*), sum(xmin::text::numeric) from pg_rewrite
    union all select 'pg_trigger', count(*), sum(xmin::text::numeric) from pg_trigger
    union all select 'pg_policy', count(*), sum(xmin::text::numeric) from pg_policy
    union all select 'pg_description', count(*), sum(xmin::text::numeric) from pg_description
    union all select 'pg_default_acl', count(*), sum(xmin::text::numeric) from pg_default_acl
    union all select 'pg_extension', count(*), sum(xmin::text::numeric) from pg_extension
    union all select 'pg_sequence', count(*), sum(xmin::text::numeric) from pg_sequence
    union all select 'pg_inherits', count(*), sum(xmin::text::numeric) from pg_inherits
    union all select 'pg_partitioned_table', count(*), sum(xmin::text::numeric) from pg_partitioned_table
    union all select 'pg_collation', count(*), sum(xmin::text::numeric) from pg_collation
    union all select 'pg_depend', count(*), sum(xmin::text::numeric) from pg_depend
    union all select 'pg_aggregate', count(*), sum(xmin::text::numeric) from pg_aggregate
    union all select 'pg_range', count(*), sum(xmin::text::numeric) from pg_range
    union all select 'pg_init_privs', count(*), sum(xmin::text::numeric) from pg_init_privs
    union all select 'pg_statistic_ext', count(*), sum(xmin::text::numeric) from pg_statistic_ext
    union all select 'pg_cast', count(*), sum(xmin::text::numeric) from pg_cast
    union all select 'pg_am', count(*), sum(xmin::text::numeric) from pg_am
    union all select 'pg_language', count(*), sum(xmin::text::numeric) from pg_language
    union all select 'pg_transform', count(*), sum(xmin::text::numeric) from pg_transform
    union all select 'pg_operator', count(*), sum(xmin::text::numeric) from pg_operator
    union all select 'pg_opclass', count(*), sum(xmin::text::numeric) from pg_opclass
    union all select 'pg_opfamily', count(*), sum(xmin::text::numeric) from pg_opfamily
    union all select 'pg_conversion', count(*), sum(xmin::text::numeric) from pg_conversion
    union all select 'pg_ts_config', count(*), sum(xmin::text::numeric) from pg_ts_config
    union all select 'pg_ts_dict', count(*), sum(xmin::text::numeric) from pg_ts_dict
    union all select 'pg_ts_parser', count(*), sum(xmin::text::numeric) from pg_ts_parser
    union all select 'pg_ts_template', count(*), sum(xmin::text::numeric) from pg_ts_template
    union all select 'pg_event_trigger', count(*), sum(xmin::text::numeric) from pg_event_trigger
    union all select 'pg_publication', count(*), sum(xmin::text::numeric) from pg_publication
    union all select 'pg_publication_rel', count(*), sum(xmin::text::numeric) from pg_publication_rel
    union all select 'pg_publication_namespace', count(*), sum(xmin::text::numeric) from pg_publication_namespace
    union all select 'pg_foreign_data_wrapper', count(*), sum(xmin::text::numeric) from pg_foreign_data_wrapper
    union all select 'pg_foreign_server', count(*), sum(xmin::text::numeric) from pg_foreign_server
    union all select 'pg_foreign_table', count(*), sum(xmin::text::numeric) from pg_foreign_table
    -- pg_subscription's rows (and so their versions) are readable by superusers only, its
    -- columns but the connection string by anyone: those, hashed (catalog/versioned.py)
    union all select 'pg_subscription', count(*),
                     ('x' || substr(md5(coalesce(string_agg(concat_ws(':', oid, subdbid, subname,
                        subowner, subenabled, subbinary, substream, subtwophasestate,
                        subdisableonerr, subslotname, subsynccommit, subpublications,
                        suborigin, subpasswordrequired, subrunasowner,  -- from 16, else
                        subfailover  -- from 17, else null
                        ), ' ' order by oid), '')), 1, 12))::bit(48)::bigint::numeric
                from pg_subscription
    -- pg_user_mapping is readable by superusers only: its view, options hashed
    union all select 'pg_user_mappings', count(*),
                     ('x' || substr(md5(coalesce(string_agg(umid || ':' || umuser || ':'
                        || coalesce(umoptions::text, ''), ' ' order by umid), '')), 1, 12))::bit(48)::bigint::numeric
                from pg_user_mappings
    -- roles as code: the roles (pg_authid is a superuser's: its view, rows hashed), their
    -- memberships, settings and comments; shared catalogs, the same from any database
    union all select 'pg_roles', count(*),
                     ('x' || substr(md5(coalesce(string_agg(r::text, ' ' order by r.oid), '')),
                        1, 12))::bit(48)::bigint::numeric
                from pg_roles r
    union all select 'pg_auth_members', count(*), sum(xmin::text::numeric) from pg_auth_members
    union all select 'pg_db_role_setting', count(*), sum(xmin::text::numeric) from pg_db_role_setting
    union all select 'pg_shdescription', count(*), sum(xmin::text::numeric) from pg_shdescription
  ) as catalogs)
  || ' db:' || current_database() || ' system:' || (select system_identifier from pg_control_system())
  || ' version:' || current_setting('server_version_num')
  -- who reads it: the snapshot records its reader, whom the differ takes for the applier
  || ' as:' || current_user
