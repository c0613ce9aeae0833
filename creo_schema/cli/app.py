"""The command group, its global flags, and what every command shares.

Errors are caught in one place (`CreoGroup.invoke`) and shown as one line, `file:line:col:
message` where there is a file, with the exit code the error carries (DESIGN.md):
0 ok / in sync, 1 changes or drift found, 2 bad input, 3 database error, 4 safety refusal.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

import click

from creo_schema import __version__
from creo_schema.config import Settings, load_settings
from creo_schema.errors import CreoError, DatabaseError, InputError
from creo_schema.render import document, error_text

if TYPE_CHECKING:
    from rich.console import Console

    from creo_schema.cli.progress import StepBar
    from creo_schema.plan.timings import StepReport

# What click's option decorators take and give back (click.decorators.FC): a command's
# function, or the command once made. Typed, so that decorated commands stay typed.
_Decorated = TypeVar("_Decorated", bound=Callable[..., Any] | click.Command)

EXIT_CODES_HELP = (
    "Exit codes: 0 success or no changes; 1 changes or drift found; 2 bad input or "
    "configuration; 3 database error; 4 safety refusal (stale plan, destructive change, "
    "lock not obtained)."
)


class InternalError(CreoError):
    """An exception the tool did not expect: a bug. The tool refuses to go on (exit 4)."""

    exit_code = 4
    kind = "internal"


class CreoGroup(click.Group):
    # Subgroups (`backup`, `dev`, `gen`) are CreoGroups too, so a failure is named by the
    # group that knows which of its commands ran.
    group_class = type

    def add_command(self, cmd: click.Command, name: str | None = None) -> None:
        # Every command and subgroup also takes the global options after its name
        # (`validate --schema-dir x`), as Terraform, Atlas and the Supabase CLI do.
        cmd.params.extend(options_after_command(cmd))
        super().add_command(cmd, name)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise  # click's own: an exit code, a usage error, ^C
        except CreoError as error:
            self._fail(ctx, error)
        except Exception as error:  # the last resort: never a traceback without --debug
            if (ctx.obj or {}).get("debug"):
                raise
            self._fail(ctx, _last_resort(ctx, error))

    @staticmethod
    def _fail(ctx: click.Context, error: CreoError) -> NoReturn:
        obj = ctx.obj or {}
        if obj.get("debug"):
            raise error
        if obj.get("format") == "json" and not obj.get("document_written"):
            # One document per command: a command that already wrote its own put the
            # error inside it (see `written_with_error`).
            click.echo(document("error", exit_code=error.exit_code, error=error.to_dict()))
        if obj.get("format") == "github":
            where = error.location
            place = f" file={where.file},line={where.line},col={where.column}" if where else ""
            click.echo(f"::error{place}::{error.message}")
        click.echo(error_text(error), err=True)
        ctx.exit(error.exit_code)


def _last_resort(ctx: click.Context, error: Exception) -> CreoError:
    """An exception no module turned into a `CreoError`, as one line: a database's error
    (psycopg's, exit 3) with the server's own message, anything else an internal error."""
    import psycopg

    command = _command_name(ctx)
    if isinstance(error, psycopg.Error):
        diag = getattr(error, "diag", None)
        primary = (diag.message_primary if diag else None) or str(error) or type(error).__name__
        return DatabaseError(
            f"the database failed during {command}: {_redacted(ctx, primary)}",
            hint="run with --debug for the traceback",
        )
    text = _redacted(ctx, str(error)) or "(no message)"
    return InternalError(
        f"internal error in {command}: {type(error).__name__}: {text} "
        "(this is a bug; run with --debug for the traceback)"
    )


def _command_name(ctx: click.Context) -> str:
    """The command as typed (`plan`, `backup create`): the group's path below the program,
    then the subcommand it was invoking."""
    words = ctx.command_path.split()[1:]
    if ctx.invoked_subcommand:
        words.append(ctx.invoked_subcommand)
    return " ".join(words) or "creo-schema"


def _redacted(ctx: click.Context, text: str) -> str:
    """`text` on one line, without any password of the URLs this run was given (a message
    from deep inside may quote one)."""
    from creo_schema.urls import redact_text, redact_urls_in  # imports psycopg: on failure only

    urls = [
        ((ctx.obj or {}).get("flags") or {}).get("database_url"),
        os.environ.get("DATABASE_URL"),
    ]
    for url in urls:
        text = redact_text(text, url)
    return " ".join(redact_urls_in(text).split())


def written_with_error(ctx: click.Context, text: str) -> None:
    """Write a command's own JSON document, which already carries the error being raised,
    so that the error handler above writes no second one."""
    click.echo(text)
    ctx.find_root().ensure_object(dict)
    ctx.find_root().obj["document_written"] = True


def ask() -> Callable[[str], bool] | None:
    """How to ask a person a yes/no question, when one is at a terminal (the policy that
    uses it is commands/confirm.py)."""
    if not sys.stdin.isatty():
        return None
    return lambda question: click.confirm(question, default=False, err=True)


def stdout() -> Console:
    from rich.console import Console  # rich costs ~40 ms to import: only for text output

    return Console(highlight=False, soft_wrap=True)


def settings_of(ctx: click.Context, **overrides: object) -> Settings:
    obj = ctx.obj
    flags = {**obj["flags"], **{k: v for k, v in overrides.items() if v is not None}}
    return load_settings(obj["config"], flags)


def format_option(
    choices: tuple[str, ...] = ("text", "json"),
) -> Callable[[_Decorated], _Decorated]:
    """`--format` on a command too, so `plan --format json` works as people type it."""

    def remember(ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
        if value:
            given_after(ctx, "output_format", value)
        return value

    return click.option(
        "--format",
        "command_format",
        type=click.Choice(list(choices)),
        expose_value=False,
        callback=remember,
        help="Output for people or machines (also accepted before the command).",
    )


def approve_option(what: str) -> Callable[[_Decorated], _Decorated]:
    """The one confirmation flag of every command that asks first: `--auto-approve`, with
    `--yes` as its alias (the Terraform and the apt spellings), kept as `auto_approve`."""
    return click.option(
        "--auto-approve",
        "--yes",
        "auto_approve",
        is_flag=True,
        help=f"{what} without asking for confirmation (needed when no terminal is attached).",
    )


def hazard_options(command: _Decorated) -> _Decorated:
    command = click.option(
        "--allow-hazard",
        "allow_hazard",
        multiple=True,
        metavar="KIND",
        help="Allow one refused hazard kind (e.g. weakens_security); repeat for several.",
    )(command)
    return click.option(
        "--allow-destructive",
        is_flag=True,
        help="Allow statements that delete data (dropped tables or columns, narrowing types).",
    )(command)


class StepProgress:
    """The steps of a slow command on stderr, only when a person is watching (text output to
    a terminal): the step's name, and for the steps that count their work (the shadow's load,
    the plan's proof) how far they are and how fast (cli/progress.py, which loads rich's
    progress only then). Called with the commands' `StepReport`s."""

    def __init__(self, enabled: bool) -> None:
        self.bar: StepBar | None = None
        if enabled:
            from rich.console import Console

            console = Console(stderr=True)
            if console.is_terminal:
                from creo_schema.cli.progress import StepBar

                self.bar = StepBar(console)

    def __call__(self, report: StepReport) -> None:
        if self.bar is not None:
            self.bar(report)

    def __enter__(self) -> StepProgress:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def stop(self) -> None:
        """Done with the slow steps: the line goes before something else is shown."""
        if self.bar is not None:
            self.bar.stop()


@click.group(cls=CreoGroup, epilog=EXIT_CODES_HELP)
@click.version_option(__version__, prog_name="creo-schema")
@click.option(
    "--config",
    "config",
    type=click.Path(path_type=Path),
    help="Configuration file (default: creo-schema.toml or pyproject.toml [tool.creo-schema]).",
)
@click.option(
    "--schema-dir",
    type=click.Path(path_type=Path),
    help="Directory of the desired-state SQL files (default: schema).",
)
@click.option(
    "--database-url",
    envvar=None,
    help="Target database (default: $DATABASE_URL, else the local dev database).",
)
@click.option(
    "--platform",
    type=click.Choice(["supabase", "supabase-legacy", "none"]),
    help="What the platform provides before schema/ (default: supabase).",
)
@click.option(
    "--managed-schema",
    "managed_schemas",
    multiple=True,
    help="A schema this tool owns; repeat for several (default: public).",
)
@click.option(
    "--shadow",
    help="Where the desired state is loaded: auto, embedded, local, docker[:IMAGE] or a URL (default: auto).",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Output for people or machines. Some commands take more after their name: "
    "drift --format markdown|github, access --format markdown, test --format github.",
)
@click.option("--debug", is_flag=True, help="Show tracebacks instead of one-line errors.")
@click.pass_context
def cli(
    ctx: click.Context,
    config: Path | None,
    schema_dir: Path | None,
    database_url: str | None,
    platform: str | None,
    managed_schemas: tuple[str, ...],
    shadow: str | None,
    output_format: str,
    debug: bool,
) -> None:
    """Keep the Creo PostgreSQL database as code.

    The desired state is declared in plain SQL files under schema/. `plan` shows what it
    takes to move a database there (with the rollback), `apply` does it and records it,
    `drift` fails when a database differs from schema/.
    """
    ctx.ensure_object(dict)
    given = {
        name: value
        for name, value in ctx.params.items()
        if name in GLOBAL_OPTIONS
        and ctx.get_parameter_source(name) is not click.core.ParameterSource.DEFAULT
        and value not in (None, ())
    }
    ctx.obj.update(
        given=given,
        config=config,
        format=output_format,
        debug=debug,
        flags={
            "schema_dir": schema_dir,
            "database_url": database_url,
            "platform": platform,
            "managed_schemas": managed_schemas or None,
            "shadow": shadow,
        },
    )


# The group's options that a command also accepts after its name, and where each is kept in
# ctx.obj (the flags that feed Settings, or the run's own keys).
GLOBAL_OPTIONS = (
    "config",
    "schema_dir",
    "database_url",
    "platform",
    "managed_schemas",
    "shadow",
    "output_format",
    "debug",
)
_KEPT_AS = {"config": "config", "output_format": "format", "debug": "debug"}


def options_after_command(cmd: click.Command) -> list[click.Parameter]:
    """Copies of the group's global options for `cmd`; none it already has (a command's
    own `--format`)."""
    taken = {opt for param in cmd.params for opt in param.opts}
    copies: list[click.Parameter] = []
    for param in cli.params:
        if param.name not in GLOBAL_OPTIONS or taken & set(param.opts):
            continue
        assert isinstance(param, click.Option)
        copies.append(
            click.Option(
                [*param.opts, param.name or ""],
                type=param.type,
                multiple=param.multiple,
                is_flag=param.is_flag,
                help=param.help,
                expose_value=False,
                callback=_given_after,
            )
        )
    return copies


def _given_after(ctx: click.Context, param: click.Parameter, value: object) -> None:
    # Not given: its source is DEFAULT (click 8.5), or it is merely empty (click 8.4 reports
    # another source for an option without a default).
    if ctx.get_parameter_source(param.name or "") is click.core.ParameterSource.DEFAULT:
        return
    if value in (None, ()) or (isinstance(param, click.Option) and param.is_flag and not value):
        return
    given_after(ctx, param.name or "", value)


def given_after(ctx: click.Context, name: str, value: object) -> None:
    """Keep a global option given after the command, where the group keeps its own; the
    same option given before the command with another value is bad input (exit 2), so
    that neither silently wins."""
    root = ctx.find_root()
    root.ensure_object(dict)
    given = root.obj.setdefault("given", {})
    if name in given and given[name] != value:
        flag = "--" + {"managed_schemas": "managed-schema", "output_format": "format"}.get(
            name, name.replace("_", "-")
        )
        raise InputError(
            f"{flag} given twice with different values: {_shown(given[name])} and "
            f"{_shown(value)} (in `{ctx.command_path}`)",  # passwords hidden
            hint=f"give {flag} once, before or after the command",
        )
    given[name] = value
    if name in _KEPT_AS:
        root.obj[_KEPT_AS[name]] = value
    else:
        root.obj.setdefault("flags", {})[name] = value or None


def _shown(value: object) -> str:
    from creo_schema.urls import redact_url

    if isinstance(value, tuple | list):
        return ",".join(str(item) for item in value)
    if isinstance(value, str) and "://" in value:
        return redact_url(value)  # --database-url, --shadow URL
    return str(value)


def write_file(path: Path | None, text: str) -> None:
    if path is None:
        return
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as error:
        raise InputError(f"cannot write {path}: {error.strerror}") from None
