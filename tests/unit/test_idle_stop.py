"""The idle stop's decisions, without a server or a Docker engine: whether a shadow (a local
cluster or the docker container) has been idle long enough, and which container a watcher
watches (shadow/idle.py, shadow/docker_idle.py)."""

from __future__ import annotations

import pytest

from creo_schema.shadow.docker_idle import ContainerFacts, watched_container
from creo_schema.shadow.idle import DEFAULT_IDLE_STOP_S, idle_long_enough, poll_interval

NOW = 1_000_000.0


@pytest.mark.parametrize(
    ("idle_stop_s", "last_used", "client_seen", "stops"),
    [
        pytest.param(60.0, NOW - 61, NOW - 100, True, id="no command, no client for longer"),
        pytest.param(60.0, NOW - 60, NOW - 100, True, id="exactly the idle time"),
        pytest.param(60.0, NOW - 10, NOW - 100, False, id="a command used it lately"),
        pytest.param(60.0, NOW - 100, NOW - 10, False, id="a client was connected lately"),
        pytest.param(60.0, None, NOW - 61, True, id="no marker: the watcher's own start"),
        pytest.param(0.0, NOW - 10_000, NOW - 10_000, False, id="0 is never"),
        pytest.param(None, NOW - 61, NOW - 61, False, id="no setting: the default, 15 min"),
        pytest.param(
            None, NOW - DEFAULT_IDLE_STOP_S, NOW - DEFAULT_IDLE_STOP_S, True, id="default passed"
        ),
    ],
)
def test_idle_long_enough(
    idle_stop_s: float | None, last_used: float | None, client_seen: float, stops: bool
) -> None:
    assert idle_long_enough(NOW, idle_stop_s, last_used, client_seen) is stops


def test_poll_interval_is_a_quarter_of_the_idle_time_within_bounds() -> None:
    assert poll_interval(2.0) == 0.5
    assert poll_interval(0.1) == 0.2
    assert poll_interval(None) == 5.0 and poll_interval(3600) == 5.0


NAME = "creo-schema-shadow-postgres-17"


@pytest.mark.parametrize(
    ("found", "watched"),
    [
        pytest.param([ContainerFacts("a", NAME, "running")], "a", id="the running one"),
        pytest.param([ContainerFacts("a", NAME, "exited")], None, id="stopped: watch over"),
        pytest.param([], None, id="removed: watch over"),
        pytest.param([ContainerFacts("a", NAME, "paused")], None, id="paused: left alone"),
        pytest.param(
            [
                ContainerFacts("b", "creo-schema-shadow-supabase-postgres-15", "running"),
                ContainerFacts("a", NAME, "running"),
            ],
            "a",
            id="another image's container is another watcher's",
        ),
        pytest.param(
            [ContainerFacts("c", None, "running")], None, id="a container without our label"
        ),
        pytest.param(
            [ContainerFacts("old", NAME, "exited"), ContainerFacts("new", NAME, "running")],
            "new",
            id="of two with the name, the running one",
        ),
    ],
)
def test_watched_container(found: list[ContainerFacts], watched: str | None) -> None:
    chosen = watched_container(found, NAME)
    assert (chosen.id if chosen else None) == watched
