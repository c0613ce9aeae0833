-- Credits. Balances change only here (or by an admin / the service role), and every change is
-- written to credit_transactions with the balance after it.

create function public.get_user_credits(user_uuid uuid)
returns integer
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  perform private.assert_self_or_privileged(user_uuid);
  return (select p.credits from public.user_profiles p where p.id = user_uuid);
end
$$;
comment on function public.get_user_credits(uuid) is 'The credit balance of a user (yourself, unless admin); null when the user has no profile.';

-- Atomic: one UPDATE ... WHERE credits >= amount. Concurrent callers queue on the row lock and
-- re-check the condition against the committed balance, so the balance never goes negative and
-- no deduction is lost. Returns false (changing nothing) when the balance is insufficient.
create function public.deduct_credits(user_uuid uuid, amount integer)
returns boolean
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  new_balance integer;
begin
  if amount is null or amount <= 0 then
    raise exception 'amount must be a positive number of credits, got %', coalesce(amount::text, 'null')
      using errcode = '22023';
  end if;
  perform private.assert_self_or_privileged(user_uuid);

  update public.user_profiles p
     set credits = p.credits - deduct_credits.amount
   where p.id = deduct_credits.user_uuid
     and p.credits >= deduct_credits.amount
  returning p.credits into new_balance;

  if not found then
    if not exists (select 1 from public.user_profiles p where p.id = deduct_credits.user_uuid) then
      raise exception 'no profile for user %', user_uuid using errcode = 'P0002';
    end if;
    return false; -- insufficient credits
  end if;

  insert into public.credit_transactions (user_id, amount, balance_after, reason, created_by)
  values (deduct_credits.user_uuid, -deduct_credits.amount, new_balance, 'deduction', (select auth.uid()));
  if deduct_credits.user_uuid is distinct from (select auth.uid()) and private.is_admin() then
    perform public.log_admin_action('credits_deducted', 'user', deduct_credits.user_uuid::text,
      pg_catalog.jsonb_build_object('amount', deduct_credits.amount, 'balance_after', new_balance));
  end if;
  return true;
end
$$;
comment on function public.deduct_credits(uuid, integer) is
  'Deducts credits atomically; false when the balance is insufficient. Users may only spend their own credits.';

-- Admins and the service role only: a user can never raise their own balance.
create function public.add_credits(
  user_uuid uuid,
  amount integer,
  reason public.credit_reason default 'admin_grant'
)
returns integer
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  new_balance integer;
begin
  perform private.assert_privileged();
  if amount is null or amount <= 0 then
    raise exception 'amount must be a positive number of credits, got %', coalesce(amount::text, 'null')
      using errcode = '22023';
  end if;
  if reason is null or reason not in ('purchase', 'admin_grant', 'refund') then
    raise exception 'credits cannot be added with reason %', coalesce(reason::text, 'null')
      using errcode = '22023', hint = 'Use purchase, admin_grant or refund.';
  end if;

  update public.user_profiles p
     set credits = p.credits + add_credits.amount
   where p.id = add_credits.user_uuid
  returning p.credits into new_balance;
  if not found then
    raise exception 'no profile for user %', user_uuid using errcode = 'P0002';
  end if;

  insert into public.credit_transactions (user_id, amount, balance_after, reason, created_by)
  values (add_credits.user_uuid, add_credits.amount, new_balance, add_credits.reason, (select auth.uid()));
  if private.is_admin() then
    perform public.log_admin_action('credits_added', 'user', add_credits.user_uuid::text,
      pg_catalog.jsonb_build_object('amount', add_credits.amount, 'reason', add_credits.reason,
                                    'balance_after', new_balance));
  end if;
  return new_balance;
end
$$;
comment on function public.add_credits(uuid, integer, public.credit_reason) is
  'Adds credits (admins and the service role only); returns the new balance.';
