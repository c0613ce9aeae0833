"""Settings: `[tool.creo-schema]` in pyproject.toml (or a creo-schema.toml), then the
environment, then flags; this module alone decides that precedence.

Unknown keys and bad values are input errors that name the key and where it is written.
"""

from __future__ import annotations

import difflib
import os
import re
import tomllib
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)

from creo_schema.errors import InputError, Location

if TYPE_CHECKING:
    from pydantic_core import ErrorDetails  # pydantic's, which it depends on

ShadowChoice = str  # "auto", "embedded", "local", "docker[:IMAGE]" or a postgresql:// URL
TOOL_TABLE_NAME = "creo-schema"
TOOL_TABLE = f"tool.{TOOL_TABLE_NAME}"


ENV_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


class SubscriptionSetting(BaseModel):
    """`[subscriptions.<name>]`: how a subscription schema/ declares reaches its publisher.

    Its connection string holds the publisher's password, so it is never in a file: schema/
    declares `CONNECTION ''`, and the plan reads the string from the environment variable
    named here when it runs (apply, rollback, or psql with the plan's files). The variable's
    value is never printed, logged, or written into a plan, and changing it is no drift.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    conninfo_env: str

    @field_validator("conninfo_env")
    @classmethod
    def _variable_name(cls, value: str) -> str:
        if not ENV_NAME.fullmatch(value):
            raise ValueError(
                f"{value!r} is not an environment variable name (letters, digits and _, "
                "not starting with a digit)"
            )
        return value


class Settings(BaseModel):
    """Everything a command needs to know about where things are and how to act."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    schema_dir: Path = Path("schema")
    database_url: str | None = Field(default=None, repr=False)
    platform: Literal["supabase", "supabase-legacy", "none"] = "supabase"
    managed_schemas: tuple[str, ...] = ("public",)
    shadow: ShadowChoice = "auto"
    accept_version_mismatch: bool = False
    lock_timeout: str = "5s"
    statement_timeout: str = "15min"
    lock_retries: int = Field(default=3, ge=0, le=100)
    verify_plans: bool = True
    # Supabase's pgrst.db_schemas, for the lints; plain PostgreSQL (platform none) has no
    # Data API, so nothing is exposed unless configured.
    exposed_schemas: tuple[str, ...] = ("public",)
    lint_disable: tuple[str, ...] = ()
    lint_levels: dict[str, Literal["error", "warning", "info", "off"]] = Field(default_factory=dict)
    backup_dir: Path = Path("backups")
    backup_before_apply: bool = True
    # Roles schema/ may name (grants, policies, owners, default privileges) besides the
    # platform's and the target's: roles are cluster-wide, so schema/ cannot declare them.
    roles: tuple[str, ...] = ()
    # Roles as code (plain PostgreSQL only, opt in): schema/roles/*.sql declares roles, their
    # attributes, settings, memberships and comments (source/roles.py), and plans create,
    # alter and drop them to match. Off: a schema/roles/ folder is an error naming this key.
    manage_roles: bool = False
    # Not a configuration key: the roles a plan manages, worked out by the tool (the ones
    # schema/roles/ declares, then those the target's last migration managed:
    # commands/planning.py `still_managed`). Given in the configuration, it is refused.
    managed_roles: tuple[str, ...] = ()
    # The Supabase CLI's directory (`supabase/migrations` is where `plan --supabase-migration`
    # writes): by default beside the configuration file, else beside schema/.
    supabase_dir: Path = Path("supabase")
    # `apply` records into supabase_migrations.schema_migrations when the target has it.
    supabase_migration_history: bool = True
    # A local shadow server stops itself after this long without use ("0": never).
    shadow_idle_stop: str = "15min"
    # Per subscription schema/ declares: the environment variable holding its connection
    # string (`[subscriptions.orders_feed] conninfo_env = "ORDERS_PUBLISHER_URL"`).
    subscriptions: dict[str, SubscriptionSetting] = Field(default_factory=dict)
    # Not a setting: the subscriptions the target's last migration managed, which stay
    # managed (and are dropped) when schema/ no longer declares them. `plan` fills it in
    # from the target's history (commands/planning.py), as it does managed_schemas.
    managed_subscriptions: tuple[str, ...] = ()

    @property
    def shadow_idle_stop_s(self) -> float:
        return duration_seconds(self.shadow_idle_stop)

    @model_validator(mode="before")
    @classmethod
    def _exposed_by_platform(cls, values: object) -> object:
        if isinstance(values, dict) and values.get("platform") == "none":
            values.setdefault("exposed_schemas", ())
        return values

    @field_validator("managed_schemas")
    @classmethod
    def _no_platform_schema(cls, value: tuple[str, ...], info: ValidationInfo) -> tuple[str, ...]:
        from creo_schema.platform import SYSTEM_SCHEMAS, TOOL_SCHEMA, is_reserved

        if not value:
            raise ValueError("at least one schema must be managed")
        # `platform` is declared first, so it is validated already (absent if it was bad,
        # and that error is the one reported).
        platform = info.data.get("platform", "supabase")
        reserved = sorted(name for name in set(value) if is_reserved(name, platform))
        if not reserved:
            return value
        first = reserved[0]
        if first in SYSTEM_SCHEMAS or first.startswith("pg_"):
            raise ValueError(f"{first} belongs to PostgreSQL: it is never managed")
        if first == TOOL_SCHEMA:
            raise ValueError(f"{first} belongs to creo-schema (its history): it is never managed")
        raise ValueError(
            f"{first} belongs to the platform ({platform}): it is never managed"
            ' (with platform = "none", plain PostgreSQL, it can be)'
        )

    @field_validator("manage_roles")
    @classmethod
    def _roles_on_plain_postgres(cls, value: bool, info: ValidationInfo) -> bool:
        platform = info.data.get("platform", "supabase")
        if value and platform != "none":
            raise ValueError(
                f'roles as code is for plain PostgreSQL (platform = "none"): the platform '
                f"({platform}) owns its roles"
            )
        return value

    @field_validator("roles")
    @classmethod
    def _role_names(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for name in value:
            if not name or len(name.encode()) > 63:
                raise ValueError(f"{name!r} is not a role name (1 to 63 bytes)")
            if name.startswith("pg_"):
                raise ValueError(f"{name}: names starting with pg_ are PostgreSQL's own roles")
        return value

    @field_validator("lint_disable")
    @classmethod
    def _known_rules(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        from creo_schema.lint.registry import check_config

        check_config(value, {})
        return tuple(sorted(set(value)))  # a set: its order shapes nothing (nor the cache key)

    @field_validator("shadow")
    @classmethod
    def _known_shadow(cls, value: str) -> str:
        if value in ("auto", "embedded", "local", "docker") or re.match(
            r"^(postgres(ql)?://|docker:\S+$)", value
        ):
            return value
        raise ValueError("expected auto, embedded, local, docker or a postgresql:// URL")

    @field_validator("lock_timeout", "statement_timeout", "shadow_idle_stop")
    @classmethod
    def _duration(cls, value: str) -> str:
        if re.fullmatch(r"\d+\s*(ms|s|min|h)?", value.strip()):
            return value.strip()
        raise ValueError("expected a PostgreSQL duration such as 500ms, 5s, 2min")


def conninfo_settings(settings: Settings) -> dict[str, str]:
    """Each configured subscription's conninfo_env, by subscription name."""
    return {name: item.conninfo_env for name, item in settings.subscriptions.items()}


_UNIT_SECONDS = {"ms": 0.001, "s": 1.0, "min": 60.0, "h": 3600.0}


def duration_seconds(text: str) -> float:
    """A duration as the settings write it (`500ms`, `5s`, `15min`, `1h`; a bare number is
    milliseconds, as PostgreSQL reads it), in seconds."""
    found = re.fullmatch(r"(\d+)\s*(ms|s|min|h)?", text.strip())
    if found is None:
        raise InputError(f"{text!r} is not a duration such as 500ms, 5s, 2min")
    return int(found.group(1)) * _UNIT_SECONDS[found.group(2) or "ms"]


def find_config_file(start: Path) -> Path | None:
    """`creo-schema.toml`, or `pyproject.toml` when it has a `[tool.creo-schema]` table.

    Both at once is an error: neither may silently win over the other.
    """
    own = start / "creo-schema.toml"
    project = start / "pyproject.toml"
    in_project = project.is_file() and TOOL_TABLE_NAME in _tool_tables(project)
    if own.is_file() and in_project:
        raise InputError(
            f"two configuration files: {own} and [{TOOL_TABLE}] in {project}",
            hint="keep the settings in one of them (or pass --config FILE)",
        )
    if own.is_file():
        return own
    return project if in_project else None


def _tool_tables(path: Path) -> set[str]:
    """The names under `[tool]` of a pyproject.toml (an unreadable one has none we use;
    reading it for real reports its error)."""
    text = path.read_text(encoding="utf-8", errors="replace")
    if TOOL_TABLE_NAME not in text:
        return set()
    try:
        tool = tomllib.loads(text).get("tool", {})
    except tomllib.TOMLDecodeError:
        return {TOOL_TABLE_NAME}
    return set(tool) if isinstance(tool, dict) else set()


def load_settings(
    config_file: Path | None = None,
    flags: dict[str, Any] | None = None,
    environ: dict[str, str] | None = None,
    cwd: Path | None = None,
) -> Settings:
    """Defaults < configuration file < environment < flags."""
    cwd = cwd or Path.cwd()
    env = os.environ if environ is None else environ
    if config_file is not None and not config_file.is_file():
        raise InputError(f"configuration file {config_file} does not exist", hint="check --config")
    path = config_file or find_config_file(cwd)
    values: dict[str, Any] = {}
    if path is not None:
        values = _read_table(path)
        base = path.parent
        for key in ("schema_dir", "backup_dir", "supabase_dir"):
            if (
                key in values
                and isinstance(values[key], str)
                and not Path(values[key]).is_absolute()
            ):
                values[key] = str(base / values[key])
    if "managed_subscriptions" in values:
        raise InputError(
            "managed_subscriptions is not a setting: creo-schema reads it from the target's "
            "history",
            location=_key_location(path, "managed_subscriptions") if path else None,
            hint="declare a subscription in schema/ to manage it",
        )
    if env.get("DATABASE_URL"):
        values["database_url"] = env["DATABASE_URL"]
    values.update({k: v for k, v in (flags or {}).items() if v is not None and v != ()})
    if "supabase_dir" not in values:
        # The project's root: the configuration file's directory, else schema/'s parent.
        root = path.parent if path is not None else Path(values.get("schema_dir", "schema")).parent
        values["supabase_dir"] = str(root / "supabase")
    try:
        if "managed_roles" in values:
            raise InputError(
                "configuration key 'managed_roles' is worked out by the tool, never set",
                location=_key_location(path, "managed_roles") if path else None,
                hint="declare roles in schema/roles/*.sql with manage_roles = true",
            )
        settings = Settings(**values)
    except ValidationError as error:
        raise _config_error(error, path) from None
    return with_declared_roles(with_created_schemas(settings))


def with_created_schemas(settings: Settings) -> Settings:
    """`settings`, managing also every schema schema/ creates (DESIGN.md step 2): a schema
    left out of `managed_schemas` would otherwise be silently ignored, its tables never
    created and `drift` green. The platform's schemas are left out here; a declaration in
    one is the validator's to judge."""
    from creo_schema.platform import is_reserved
    from creo_schema.source.schemas import created_schemas_in

    added = tuple(
        name
        for name in created_schemas_in(settings.schema_dir)
        if name not in settings.managed_schemas and not is_reserved(name, settings.platform)
    )
    if not added:
        return settings
    return settings.model_copy(update={"managed_schemas": settings.managed_schemas + added})


def with_declared_roles(settings: Settings) -> Settings:
    """`settings`, managing the roles schema/roles/ declares (with `manage_roles`); without
    it, a schema/roles/ folder with SQL in it is an error naming the setting, rather than a
    folder silently ignored. Its statements are checked here, located (source/roles.py)."""
    from creo_schema.source.roles import declared_role_names, role_files

    files = role_files(settings.schema_dir)
    if not files:
        return settings
    if not settings.manage_roles:
        raise InputError(
            f"{files[0].path} declares roles, which only `manage_roles = true` reads",
            location=Location(files[0].path, 1, 1),
            hint='set manage_roles = true (platform = "none" only), or move the file out '
            "of schema/roles/",
        )
    return settings.model_copy(update={"managed_roles": declared_role_names(files)})


def _read_table(path: Path) -> dict[str, Any]:
    text = path.read_text(encoding="utf-8", errors="replace")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        # Python 3.11's TOMLDecodeError carries the position only in its text.
        found = re.search(r"^(.*) \(at line (\d+), column (\d+)\)$", str(error))
        message, line, column = (
            (found.group(1), int(found.group(2)), int(found.group(3)))
            if found
            else (str(error), 1, 1)
        )
        raise InputError(
            f"invalid TOML: {message}", location=Location(str(path), line, column)
        ) from None
    if path.name == "pyproject.toml":
        table = data.get("tool", {}).get("creo-schema", {})
    else:
        table = data.get("tool", {}).get("creo-schema", data)
    if not isinstance(table, dict):
        raise InputError(f"[{TOOL_TABLE}] must be a table", location=Location(str(path), 1, 1))
    return {key.replace("-", "_"): value for key, value in table.items()}


def _config_error(error: ValidationError, path: Path | None) -> InputError:
    first = error.errors()[0]
    key = str(first["loc"][0]) if first["loc"] else "?"
    if key == "subscriptions" and len(first["loc"]) > 1:
        # a misspelt key before the missing one it stands for
        same = [e for e in error.errors() if e["loc"][:2] == first["loc"][:2]]
        extra = [e for e in same if e["type"] == "extra_forbidden"]
        return _subscription_error((extra or same)[0], path)
    location = _key_location(path, key) if path else None
    if first["type"] == "extra_forbidden":
        close = difflib.get_close_matches(key, list(Settings.model_fields), n=1)
        hint = (
            f"did you mean {close[0]!r}?"
            if close
            else f"known keys: {', '.join(Settings.model_fields)}"
        )
        return InputError(f"unknown configuration key {key!r}", location=location, hint=hint)
    message = first["msg"].removeprefix("Value error, ")
    return InputError(f"configuration key {key!r}: {message}", location=location)


def _subscription_error(first: ErrorDetails, path: Path | None) -> InputError:
    """A bad `[subscriptions.<name>]` table, named in full where its header is written."""
    name = str(first["loc"][1])
    key = ".".join(str(part) for part in first["loc"])
    location = _table_location(path, f"subscriptions.{name}") if path else None
    hint = f'[subscriptions.{name}] holds one key: conninfo_env = "VARIABLE_NAME"'
    if first["type"] == "extra_forbidden":
        return InputError(f"unknown configuration key {key!r}", location=location, hint=hint)
    message = first["msg"].removeprefix("Value error, ")
    return InputError(f"configuration key {key!r}: {message}", location=location, hint=hint)


def _table_location(path: Path, table: str) -> Location:
    """Where `[table]` (or `[tool.creo-schema.table]`) is written; else the file's start."""
    pattern = re.compile(rf"^\s*\[(tool\.creo-schema\.)?{re.escape(table)}\]")
    for number, line in enumerate(path.read_text(errors="replace").splitlines(), start=1):
        if pattern.match(line):
            return Location(str(path), number, len(line) - len(line.lstrip()) + 1)
    return _key_location(path, "subscriptions") or Location(str(path), 1, 1)


def _key_location(path: Path, key: str) -> Location | None:
    pattern = re.compile(rf"^\s*{re.escape(key)}|^\s*{re.escape(key.replace('_', '-'))}\s*=")
    for number, line in enumerate(path.read_text(errors="replace").splitlines(), start=1):
        if pattern.match(line):
            return Location(str(path), number, len(line) - len(line.lstrip()) + 1)
    return Location(str(path), 1, 1)
