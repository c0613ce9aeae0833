"""`shadow status|stop` and `dev stop --all`: the local servers this tool started."""

from __future__ import annotations

from dataclasses import dataclass

from creo_schema.dev import database as dev
from creo_schema.shadow import docker_idle, idle
from creo_schema.shadow.docker import LABEL, shadow_containers
from creo_schema.shadow.providers import home_dir, shadow_clusters


@dataclass(frozen=True)
class ShadowState:
    name: str  # the cluster's directory: shadow-embedded, shadow-local-15
    running: bool
    data_dir: str
    idle_stop_s: float | None  # what the last command set; None: never recorded
    last_used: float | None  # epoch seconds
    watched: bool  # a watcher will stop it when idle

    def to_dict(self) -> dict[str, object]:
        return dict(vars(self))


@dataclass(frozen=True)
class StopResult:
    stopped: tuple[str, ...]  # the servers that were running and are stopped now
    exit_code: int = 0


def shadow_status() -> list[ShadowState]:
    return _cluster_states() + _container_states()


def _container_states() -> list[ShadowState]:
    """The shadow containers (--shadow docker), with their idle stop (shadow/docker_idle.py)."""
    home = home_dir()
    states = []
    for c in shadow_containers(home):
        name = c.labels.get(LABEL) or c.name
        states.append(
            ShadowState(
                c.name,
                c.status == "running",
                f"docker container {c.short_id}",
                docker_idle.idle_stop_of(home, name),
                docker_idle.last_used(home, name),
                docker_idle.watcher_running(home, name),
            )
        )
    return states


def _cluster_states() -> list[ShadowState]:
    return [
        ShadowState(
            cluster.pgdata.name,
            cluster.is_running(),
            str(cluster.pgdata),
            idle.idle_stop_of(cluster),
            idle.last_used(cluster),
            idle.watcher_running(cluster),
        )
        for cluster in shadow_clusters()
    ]


def stop_shadows() -> StopResult:
    """Stop every shadow server of this home; their data (templates, kept desired states)
    stays for the next start. A watcher sees its server gone and exits."""
    stopped = [c.pgdata.name for c in shadow_clusters() if c.stop()]
    for container in shadow_containers(home_dir()):
        if container.status == "running":
            container.stop()
            stopped.append(container.name)
    return StopResult(tuple(stopped))


def stop_dev(*, all_servers: bool) -> StopResult:
    stopped: tuple[str, ...] = ("dev",) if dev.stop() else ()
    if all_servers:
        stopped += stop_shadows().stopped
    return StopResult(stopped)
