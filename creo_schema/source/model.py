"""The parsed desired state: statements with their kind, names and place in the files."""

from __future__ import annotations

from dataclasses import dataclass

from creo_schema.errors import Location


@dataclass(frozen=True, slots=True)
class Statement:
    """One top-level SQL statement of a schema file."""

    sql: str  # the statement's text as written, without the trailing semicolon
    kind: str  # the pglast node name, e.g. "CreateStmt", "CreatePolicyStmt"
    location: Location  # where the statement starts
    offset: int  # character offset of the statement in its file (maps server positions back)
    leading_comments: tuple[str, ...]  # the `--` comment lines just above it (creo: hints)
    creates: tuple[str, ...] = ()  # qualified names this statement declares
    references: tuple[str, ...] = ()  # qualified names it needs to exist first
    signature: str = ""  # the routine it creates, with argument types: public.f(integer)
    copies: tuple[str, ...] = ()  # the tables CREATE TABLE ... (LIKE t) copies from
    keys: tuple[str, ...] = ()  # the tables it gives a primary key or a unique one
    key_refs: tuple[str, ...] = ()  # the tables whose key its foreign keys reference
    # How the shadow runs it, where that differs from `sql`: a CREATE SUBSCRIPTION, which
    # must not reach its publisher from there (source/subscriptions.py)
    shadow_sql: str = ""

    @property
    def is_data(self) -> bool:
        return self.kind in ("InsertStmt", "UpdateStmt", "DeleteStmt")


@dataclass(frozen=True, slots=True)
class SourceFile:
    path: str  # relative to the project root, with forward slashes, as shown in messages
    text: str
    roles: bool = False  # in schema/roles/: role declarations (source/roles.py), loaded apart


@dataclass(frozen=True, slots=True)
class SourceSet:
    """Everything declared under schema/, in load order."""

    root: str  # the schema directory as the user named it
    files: tuple[SourceFile, ...]
    statements: tuple[Statement, ...]

    def file_text(self, path: str) -> str:
        for source_file in self.files:
            if source_file.path == path:
                return source_file.text
        raise KeyError(path)
