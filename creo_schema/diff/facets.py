"""What every kind of object has alike: a comment, privileges and an owner.

For an object that exists on both sides, the two are compared; for one the plan creates,
the desired state is compared with what CREATE gives it (no comment, the built-in
privileges plus the default privileges in force, the applying role as owner). The role that
loaded schema/ into the shadow and the role that applies the plan are the same role for
this comparison (`current_user`): schema/ means "whoever runs it".
"""

from __future__ import annotations

from creo_schema.catalog.kinds import KIND_SPECS, ObjectKind
from creo_schema.diff.change import Change, change
from creo_schema.diff.effects import Effects
from creo_schema.diff.kinds.base import Context, Kind
from creo_schema.diff.kinds.default_privileges import CURRENT, builtin_default
from creo_schema.diff.objects import Node, Side
from creo_schema.diff.quote import ident, literal, qualified, role

# Kind -> the default privileges object type of what CREATE gives it (catalog/kinds.py).
ACL_TYPES: dict[str, str] = {
    kind: spec.acl_type for kind, spec in KIND_SPECS.items() if spec.acl_type
}

Acl = dict[str, frozenset[str]]


def acl_of(side: Side, node_id: str) -> Acl:
    found = side.acls.get(node_id, {})
    user = side.snapshot.current_user
    return {(CURRENT if grantee == user else grantee): privs for grantee, privs in found.items()}


def owner_of(kind: Kind, node: Node, side: Side) -> str | None:
    owner = kind.owner_of(node)
    if owner is None:
        return None
    return CURRENT if owner == side.snapshot.current_user else owner


def created_acl(kind: Kind, node: Node, ctx: Context, owner: str) -> Acl:
    """The privileges an object has right after CREATE, with the desired default
    privileges in force (their changes are ordered before any create)."""
    object_type = ACL_TYPES.get(node.kind)
    if object_type is None:
        return {}
    if node.kind == ObjectKind.FUNCTION and node.item.kind == "procedure":
        object_type = "functions"
    schema = getattr(getattr(node.item, "view", node.item), "schema", None)
    if node.kind == ObjectKind.SCHEMA:
        schema = None
    defaults = {
        (item.role, item.schema): dict(item.grants)
        for n in ctx.desired.nodes.values()
        if n.kind == ObjectKind.DEFAULT_PRIVILEGES
        for item in (n.item,)
        if item.object_type == object_type
    }
    creator = CURRENT
    base: dict[str, frozenset[str]] = (
        {g: frozenset(p) for g, p in defaults[(creator, None)].items()}
        if (creator, None) in defaults
        else builtin_default(object_type, creator, ctx.major)
    )
    for grantee, privileges in defaults.get((creator, schema), {}).items():
        base[grantee] = base.get(grantee, frozenset()) | frozenset(privileges)
    if owner != creator and creator in base:
        base[owner] = base.pop(creator) | base.get(owner, frozenset())
    return base


def facet_changes(
    kind: Kind, node: Node, ctx: Context, *, created: bool, old: Node | None = None
) -> list[Change]:
    """Comment, owner and privileges of `node` (desired side); `old` is the target's
    version when the object exists there and is kept."""
    if not created and old is not None and _same_facets(kind, old, node, ctx):
        return []  # the common case, at thousands of objects: nothing to say
    kept = None if created else old
    out = _comment_change(kind, node, kept, ctx)
    new_owner = owner_of(kind, node, ctx.desired)
    old_owner = CURRENT if kept is None else owner_of(kind, kept, ctx.current)
    owner_target = kind.owner_target(node)
    if owner_target is not None and new_owner is not None and new_owner != old_owner:
        who = role(new_owner) if new_owner != CURRENT else CURRENT
        out.append(
            change(
                kind.name,
                "alter",
                node.id,
                f"alter {owner_target} owner to {who}",
                "owner",
                requires=[node.id],
                new_owner=new_owner,
            )
        )
    grant_on = _grant_target(kind, node)
    if grant_on is None:
        return out
    if kept is None:
        before_acl = created_acl(kind, node, ctx, new_owner or CURRENT)
    else:
        before_acl = acl_of(ctx.current, kept.id)
        if old_owner != new_owner and old_owner in before_acl and new_owner:
            # ALTER ... OWNER TO hands the old owner's privileges to the new one.
            before_acl[new_owner] = before_acl.pop(old_owner) | before_acl.get(
                new_owner, frozenset()
            )
    # The table a grant or comment is on, so that what a new table is given is judged as
    # part of creating it (plan/statements.py).
    table: str = {
        ObjectKind.TABLE: node.id,
        ObjectKind.MATERIALIZED_VIEW: node.id,
        ObjectKind.COLUMN: node.parent or "",
    }.get(node.kind, "")
    after_acl = acl_of(ctx.desired, node.id)
    out += privilege_changes(node.kind, node.id, grant_on, before_acl, after_acl, table)
    return out


def _comment_change(kind: Kind, node: Node, kept: Node | None, ctx: Context) -> list[Change]:
    """COMMENT ON where the comment differs (`kept`: the target's version, None for an
    object the plan creates, which has none)."""
    target = kind.comment_target(node)
    if target is None:
        return []
    before = None if kept is None else ctx.current.comments.get(kept.id)
    after = ctx.desired.comments.get(node.id)
    if before == after:
        return []
    text = literal(after) if after is not None else "null"
    return [
        change(
            kind.name,
            "alter",
            node.id,
            f"comment on {target} is {text}",
            "comment",
            requires=[node.id],
        )
    ]


def _same_facets(kind: Kind, old: Node, new: Node, ctx: Context) -> bool:
    """Comment, owner and privileges alike on both sides, compared as read (valid when both
    were read by the same role, which is what makes the role's own names alike)."""
    current, desired = ctx.current, ctx.desired
    if current.snapshot.current_user != desired.snapshot.current_user:
        return False
    return (
        current.comments.get(old.id) == desired.comments.get(new.id)
        and current.acls.get(old.id) == desired.acls.get(new.id)
        and kind.owner_of(old) == kind.owner_of(new)
    )


def _grant_target(kind: Kind, node: Node) -> tuple[str, str] | None:
    """(the ON clause, a column list) for GRANT and REVOKE, or None."""
    if node.kind in (ObjectKind.COLUMN, ObjectKind.VIEW_COLUMN):
        column = node.item
        return f"table {qualified(column.schema, column.table)}", f" ({ident(column.name)})"
    target = kind.grant_target(node)
    return (target, "") if target is not None else None


def privilege_changes(
    kind: str, node_id: str, on: tuple[str, str], before: Acl, after: Acl, table: str = ""
) -> list[Change]:
    target, columns = on
    out = []
    for grantee in sorted(set(before) | set(after)):
        old = before.get(grantee, frozenset())
        new = after.get(grantee, frozenset())
        if old == new:
            continue
        who = role(grantee) if grantee != CURRENT else CURRENT
        # A privilege granted to everyone (PUBLIC), or to Supabase's anonymous role.
        widens = Effects(widens_access=grantee in ("public", "anon"))
        for sql in _revokes(old, new, f"{target} from {who}", columns):
            out.append(
                change(kind, "alter", node_id, sql, "revoke", requires=[node_id], table=table)
            )
        for sql in _grants(old, new, f"{target} to {who}", columns):
            out.append(
                change(
                    kind,
                    "alter",
                    node_id,
                    sql,
                    "grant",
                    requires=[node_id],
                    table=table,
                    effects=widens,
                )
            )
    return out


def _revokes(old: frozenset[str], new: frozenset[str], on: str, columns: str) -> list[str]:
    """REVOKE of the privileges a grantee loses, then REVOKE GRANT OPTION FOR those it
    keeps without the grant option (a name ending in * carries it); `on`: "<target> FROM
    <grantee>"."""
    out = []
    new_names = {p.rstrip("*") for p in new}
    revoked = sorted({p.rstrip("*") for p in old} - new_names)
    if revoked:
        out.append(f"revoke {_privileges(revoked, columns)} on {on}")
    ungranted = sorted(
        p.rstrip("*")
        for p in old
        if p.endswith("*") and p.rstrip("*") in new_names and p not in new
    )
    if ungranted:
        out.append(f"revoke grant option for {_privileges(ungranted, columns)} on {on}")
    return out


def _grants(old: frozenset[str], new: frozenset[str], on: str, columns: str) -> list[str]:
    """GRANT of the privileges a grantee gains without the grant option, then of those it
    gains with it; `on`: "<target> TO <grantee>"."""
    out = []
    old_names = {p.rstrip("*") for p in old}
    plain = sorted(
        p for p in new if not p.endswith("*") and p not in old_names and p + "*" not in new
    )
    if plain:
        out.append(f"grant {_privileges(plain, columns)} on {on}")
    granting = sorted(p.rstrip("*") for p in new if p.endswith("*") and p not in old)
    if granting:
        out.append(f"grant {_privileges(granting, columns)} on {on} with grant option")
    return out


def _privileges(names: list[str], columns: str) -> str:
    return ", ".join(f"{name}{columns}" for name in names)
