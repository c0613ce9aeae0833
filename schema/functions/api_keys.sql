-- API keys: `creo_` + 64 hex characters from two v4 UUIDs (244 bits of pg_strong_random).
-- Stored as hex SHA-256 (core sha256(), no pgcrypto needed) with the first 13 characters as
-- a visible prefix. The plaintext exists only in create_api_key()'s result.

create function public.create_api_key(
  key_name text,
  key_scopes public.api_key_scope[] default array['read']::public.api_key_scope[],
  key_expires_at timestamptz default null
)
returns table (id uuid, api_key text, key_prefix text)
language plpgsql
volatile
security definer
set search_path = ''
as $$
#variable_conflict use_column
declare
  uid uuid := (select auth.uid());
  plaintext text;
  max_keys integer := (private.setting('api_keys.max_per_user', '10'::jsonb) #>> '{}')::integer;
  new_id uuid;
begin
  if uid is null then
    raise exception 'sign in to create an API key' using errcode = '42501';
  end if;
  if key_expires_at is not null and key_expires_at <= pg_catalog.now() then
    raise exception 'an API key cannot expire in the past' using errcode = '22023';
  end if;
  -- Serialise this user's key creations so that the limit holds under concurrency.
  perform 1 from public.user_profiles p where p.id = uid for update;
  if (select count(*) from public.api_keys k
       where k.user_id = uid and k.revoked_at is null
         and (k.expires_at is null or k.expires_at > pg_catalog.now())) >= max_keys then
    raise exception 'you already have % active API keys', max_keys
      using errcode = '54000', hint = 'Revoke a key you no longer use.';
  end if;

  plaintext := 'creo_' || pg_catalog.replace(pg_catalog.gen_random_uuid()::text, '-', '')
                       || pg_catalog.replace(pg_catalog.gen_random_uuid()::text, '-', '');
  insert into public.api_keys (user_id, name, key_prefix, key_hash, scopes, expires_at)
  values (uid, key_name, pg_catalog.left(plaintext, 13),
          pg_catalog.encode(pg_catalog.sha256(pg_catalog.convert_to(plaintext, 'UTF8')), 'hex'),
          coalesce(key_scopes, array['read']::public.api_key_scope[]), key_expires_at)
  returning api_keys.id into new_id;
  return query select new_id, plaintext, pg_catalog.left(plaintext, 13);
end
$$;
comment on function public.create_api_key(text, public.api_key_scope[], timestamptz) is
  'Creates an API key for the signed-in user and returns it once; only its hash is stored.';

-- Checks a presented key: hash, revocation, expiry and (optionally) a required scope. A valid
-- key's use is counted. Always one row; reason says why a key was refused. For the backend
-- (service role) that authenticates API requests.
create function public.validate_api_key(
  api_key text,
  required_scope public.api_key_scope default null
)
returns table (is_valid boolean, user_id uuid, key_id uuid, scopes public.api_key_scope[], reason text)
language plpgsql
volatile
security definer
set search_path = ''
as $$
#variable_conflict use_column
declare
  k public.api_keys%rowtype;
begin
  select * into k
    from public.api_keys a
   where a.key_hash = pg_catalog.encode(pg_catalog.sha256(pg_catalog.convert_to(coalesce(validate_api_key.api_key, ''), 'UTF8')), 'hex');
  if not found then
    return query select false, null::uuid, null::uuid, null::public.api_key_scope[], 'not_found'::text;
    return;
  end if;
  if k.revoked_at is not null then
    return query select false, k.user_id, k.id, k.scopes, 'revoked'::text;
    return;
  end if;
  if k.expires_at is not null and k.expires_at <= pg_catalog.now() then
    return query select false, k.user_id, k.id, k.scopes, 'expired'::text;
    return;
  end if;
  if required_scope is not null and not (required_scope = any (k.scopes)) then
    return query select false, k.user_id, k.id, k.scopes, 'insufficient_scope'::text;
    return;
  end if;
  update public.api_keys a
     set usage_count = a.usage_count + 1,
         last_used_at = pg_catalog.now()
   where a.id = k.id;
  return query select true, k.user_id, k.id, k.scopes, 'ok'::text;
end
$$;
comment on function public.validate_api_key(text, public.api_key_scope) is
  'Validates an API key (hash, revocation, expiry, scope) and counts its use.';
