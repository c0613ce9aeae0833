"""The finding every rule reports (defined beside the static rules, which make them too)."""

from creo_schema.source.finding import LEVELS, Finding, Level, sort_key

__all__ = ["LEVELS", "Finding", "Level", "sort_key"]
