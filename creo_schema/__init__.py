"""creo-schema: the Creo platform's PostgreSQL database, kept as code."""

__version__ = "0.2.0"
