"""The RLS matrix, as data: every table x {anon, owner, other user, admin, service_role} x
{select, insert, update, delete}.

Each target names one row (or, for insert, one new row) that belongs to `owner`, or a setting
/ log row for the tables that have no owner. A cell's expectation is:
  an int    rows counted (select) or written (insert, update, delete)
  DENIED    permission denied: the role lacks the table or column privilege (SQLSTATE 42501)
  RLS       the row violates a policy's WITH CHECK (SQLSTATE 42501, "row-level security")
`setup` runs as the superuser in the cell's transaction first (e.g. to free a key for insert).
Every cell is rolled back.
"""

from __future__ import annotations

from dataclasses import dataclass

DENIED = "denied"
RLS = "rls"
WHO = ("anon", "owner", "other", "admin", "service")
COMMANDS = ("select", "insert", "update", "delete")


@dataclass(frozen=True)
class Target:
    name: str
    sql: dict[str, str]  # command -> statement (placeholders from World.params())
    expect: dict[str, tuple[object, ...]]  # command -> one expectation per WHO
    setup: dict[str, str] | None = None


def row(*cells: object) -> tuple[object, ...]:
    assert len(cells) == len(WHO)
    return cells


D, R = DENIED, RLS

MATRIX: list[Target] = [
    Target(
        "user_profiles",
        {
            "select": "select count(*) from public.user_profiles where id = %(owner)s",
            "insert": "insert into public.user_profiles (id, email) values (%(owner)s, 'owner@example.com')",
            "update": "update public.user_profiles set full_name = 'Renamed' where id = %(owner)s",
            "delete": "delete from public.user_profiles where id = %(owner)s",
        },
        {
            "select": row(D, 1, 0, 1, 1),
            "insert": row(D, D, D, D, 1),
            "update": row(D, 1, 0, 1, 1),
            "delete": row(D, D, D, D, 1),
        },
        setup={"insert": "delete from public.user_profiles where id = %(owner)s"},
    ),
    Target(
        "orders",
        {
            "select": "select count(*) from public.orders where id = %(order)s",
            "insert": "insert into public.orders (user_id, order_type, total_cost, credits_used)"
            " values (%(owner)s, 'ai_generation', 100, 1)",
            "update": 'update public.orders set metadata = \'{"note": "x"}\' where id = %(order)s',
            "delete": "delete from public.orders where id = %(order)s",
        },
        {
            "select": row(D, 1, 0, 1, 1),
            "insert": row(D, 1, R, R, 1),
            "update": row(D, 1, 0, 1, 1),
            "delete": row(D, D, D, D, 1),
        },
    ),
    Target(
        "downloads",
        {
            "select": "select count(*) from public.downloads where id = %(download)s",
            "insert": "insert into public.downloads (user_id, file_name, file_url)"
            " values (%(owner)s, 'b.png', 'https://cdn.example.com/b.png')",
            "update": "update public.downloads set file_name = 'renamed.jpg' where id = %(download)s",
            "delete": "delete from public.downloads where id = %(download)s",
        },
        {
            "select": row(D, 1, 0, 1, 1),
            "insert": row(D, 1, R, R, 1),
            "update": row(D, 1, 0, 1, 1),
            "delete": row(D, D, D, D, 1),
        },
    ),
    Target(
        "payments",
        {
            "select": "select count(*) from public.payments where id = %(payment)s",
            "insert": "insert into public.payments (user_id, stripe_payment_intent_id, amount, status)"
            " values (%(owner)s, 'pi_new', 100, 'succeeded')",
            "update": "update public.payments set description = 'x' where id = %(payment)s",
            "delete": "delete from public.payments where id = %(payment)s",
        },
        {
            "select": row(D, 1, 0, 1, 1),
            "insert": row(D, D, D, D, 1),
            "update": row(D, 0, 0, 1, 1),
            "delete": row(D, D, D, D, D),
        },
    ),
    Target(
        "api_keys",
        {
            "select": "select count(*) from public.api_keys where id = %(api_key)s",
            "insert": "insert into public.api_keys (user_id, name, key_prefix, key_hash)"
            " values (%(owner)s, 'x', 'creo_1111111', repeat('b', 64))",
            "update": "update public.api_keys set name = 'renamed' where id = %(api_key)s",
            "delete": "delete from public.api_keys where id = %(api_key)s",
        },
        {
            "select": row(D, 1, 0, 1, 1),
            "insert": row(D, D, D, D, 1),
            "update": row(D, 1, 0, 1, 1),
            "delete": row(D, 1, 0, 1, 1),
        },
    ),
    Target(
        "user_preferences",
        {
            "select": "select count(*) from public.user_preferences where user_id = %(owner)s",
            "insert": "insert into public.user_preferences (user_id, theme) values (%(owner)s, 'dark')",
            "update": "update public.user_preferences set theme = 'dark' where user_id = %(owner)s",
            "delete": "delete from public.user_preferences where user_id = %(owner)s",
        },
        {
            "select": row(D, 1, 0, 1, 1),
            "insert": row(D, 1, R, R, 1),
            "update": row(D, 1, 0, 1, 1),
            "delete": row(D, D, D, D, 1),
        },
        setup={"insert": "delete from public.user_preferences where user_id = %(owner)s"},
    ),
    Target(
        "saved_searches (private)",
        {
            "select": "select count(*) from public.saved_searches where id = %(search_private)s",
            "insert": "insert into public.saved_searches (user_id, name) values (%(owner)s, 'new')",
            "update": "update public.saved_searches set name = 'renamed' where id = %(search_private)s",
            "delete": "delete from public.saved_searches where id = %(search_private)s",
        },
        {
            "select": row(0, 1, 0, 1, 1),
            "insert": row(D, 1, R, R, 1),
            "update": row(D, 1, 0, 1, 1),
            "delete": row(D, 1, 0, 1, 1),
        },
    ),
    Target(
        "saved_searches (public)",
        {
            "select": "select count(*) from public.saved_searches where id = %(search_public)s",
            "insert": "insert into public.saved_searches (user_id, name, is_public) values (%(owner)s, 'new', true)",
            "update": "update public.saved_searches set name = 'renamed' where id = %(search_public)s",
            "delete": "delete from public.saved_searches where id = %(search_public)s",
        },
        {
            "select": row(1, 1, 1, 1, 1),
            "insert": row(D, 1, R, R, 1),
            "update": row(D, 1, 0, 1, 1),
            "delete": row(D, 1, 0, 1, 1),
        },
    ),
    Target(
        "admin_logs",
        {
            "select": "select count(*) from public.admin_logs where id = %(admin_log)s",
            "insert": "insert into public.admin_logs (admin_id, action, target_type) values (%(owner)s, 'forged', 'system')",
            "update": "update public.admin_logs set action = 'tampered' where id = %(admin_log)s",
            "delete": "delete from public.admin_logs where id = %(admin_log)s",
        },
        {
            "select": row(D, 0, 0, 1, 1),
            "insert": row(D, D, D, D, D),
            "update": row(D, D, D, D, D),
            "delete": row(D, D, D, D, D),
        },
    ),
    Target(
        "archived_admin_logs",
        {
            "select": "select count(*) from public.archived_admin_logs where id = %(archived_log)s",
            "insert": "insert into public.archived_admin_logs (id, action, target_type, created_at)"
            " values (gen_random_uuid(), 'forged', 'system', now())",
            "update": "update public.archived_admin_logs set action = 'tampered' where id = %(archived_log)s",
            "delete": "delete from public.archived_admin_logs where id = %(archived_log)s",
        },
        {
            "select": row(D, 0, 0, 1, 1),
            "insert": row(D, D, D, D, D),
            "update": row(D, D, D, D, D),
            "delete": row(D, D, D, D, D),
        },
    ),
    Target(
        "system_settings (private)",
        {
            "select": "select count(*) from public.system_settings where key = 'credits.signup_bonus'",
            "insert": "insert into public.system_settings (key, value) values ('test.new_setting', '1')",
            "update": "update public.system_settings set value = '1000' where key = 'credits.signup_bonus'",
            "delete": "delete from public.system_settings where key = 'credits.signup_bonus'",
        },
        {
            "select": row(0, 0, 0, 1, 1),
            "insert": row(D, R, R, 1, 1),
            "update": row(D, 0, 0, 1, 1),
            "delete": row(D, 0, 0, 1, 1),
        },
    ),
    Target(
        "system_settings (public)",
        {
            "select": "select count(*) from public.system_settings where key = 'feature.ai_generation'",
            "insert": "insert into public.system_settings (key, value, is_public) values ('feature.test_flag', 'true', true)",
            "update": "update public.system_settings set value = 'false' where key = 'feature.ai_generation'",
            "delete": "delete from public.system_settings where key = 'feature.ai_generation'",
        },
        {
            "select": row(1, 1, 1, 1, 1),
            "insert": row(D, R, R, 1, 1),
            "update": row(D, 0, 0, 1, 1),
            "delete": row(D, 0, 0, 1, 1),
        },
    ),
    Target(
        "credit_transactions",
        {
            "select": "select count(*) from public.credit_transactions where user_id = %(owner)s",
            "insert": "insert into public.credit_transactions (user_id, amount, balance_after, reason)"
            " values (%(owner)s, 1000, 1010, 'purchase')",
            "update": "update public.credit_transactions set amount = 1000 where user_id = %(owner)s",
            "delete": "delete from public.credit_transactions where user_id = %(owner)s",
        },
        {
            "select": row(D, 1, 0, 1, 1),
            "insert": row(D, D, D, D, D),
            "update": row(D, D, D, D, D),
            "delete": row(D, D, D, D, D),
        },
    ),
    Target(
        "rate_limit_events",
        {
            "select": "select count(*) from public.rate_limit_events where id = %(rate_event)s",
            "insert": "insert into public.rate_limit_events (user_id, action_type) values (%(owner)s, 'api_calls')",
            "update": "update public.rate_limit_events set created_at = now() - interval '1 day' where id = %(rate_event)s",
            "delete": "delete from public.rate_limit_events where id = %(rate_event)s",
        },
        {
            "select": row(D, 1, 0, 1, 1),
            "insert": row(D, D, D, D, D),
            "update": row(D, D, D, D, D),
            "delete": row(D, D, D, D, 1),
        },
    ),
]

# Every table of the schema appears in the matrix (checked against the catalog by the test).
TABLES = sorted({t.name.split(" ")[0] for t in MATRIX})
