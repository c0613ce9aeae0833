"""The local development database: a persistent embedded cluster, started on demand."""
