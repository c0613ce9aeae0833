"""A shadow server left running from binaries since deleted (a virtualenv made again while it
ran) is restarted from the current ones: reused as it was, it ran, but could not load an
extension's files ("extension pg_trgm is not available")."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from creo_schema.db import connect
from creo_schema.shadow.cluster import SHADOW_SETTINGS, Cluster
from creo_schema.shadow.providers import home_dir
from tests.integration.test_concurrent_shadows import _pristine


def test_a_server_whose_binaries_were_deleted_is_restarted_from_ours(pg18: Cluster) -> None:
    folder = Path(tempfile.mkdtemp(prefix="stale-", dir=home_dir()))
    folder.chmod(0o755)  # the server runs as another OS user
    install = folder / "install"
    shutil.copytree(pg18.bin_dir.parent, install, symlinks=True)
    subprocess.run(["cp", "-a", str(_pristine(pg18.bin_dir)), str(folder)], check=True)
    stale = Cluster(install / "bin", folder / "shadow", SHADOW_SETTINGS)
    ours = Cluster(pg18.bin_dir, folder / "shadow", SHADOW_SETTINGS)
    try:
        stale.ensure_running()
        shutil.rmtree(install)  # the virtualenv made again under the running server

        ours.ensure_running()

        with connect(ours.uri(), autocommit=True) as conn:
            conn.execute("create extension pg_trgm")  # its files are read from ours
            found = conn.execute("select count(*) from pg_extension where extname = 'pg_trgm'")
            assert found.fetchone() == (1,)
    finally:
        ours.stop()
        shutil.rmtree(folder, ignore_errors=True)
