"""Live pages: the file watcher tells the state, and every open page hears it (server-sent
events) and fetches its own content again.

The watcher waits 50 ms for more changes of one save (editors write a file in several steps),
so an open page shows a saved dossier, template or house style well within a second.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Callable
from pathlib import Path

from watchfiles import Change, awatch

log = logging.getLogger("dossiergen.werkbank")

#: What a change can be of: the files the pages depend on (temporary files are not).
_RELEVANT = (".yaml", ".yml", ".j2", ".docx", ".toml", ".json", ".png", ".jpg", ".jpeg")
#: A comment line every so often keeps idle connections open through proxies and sleep.
HEARTBEAT_SECONDS = 15.0


class Omroep:
    """Hands every published generation to every subscribed page."""

    def __init__(self) -> None:
        self._queues: set[asyncio.Queue[int | None]] = set()

    def publish(self, generation: int) -> None:
        """Tell every page that the state is now at ``generation``."""
        for queue in list(self._queues):
            queue.put_nowait(generation)

    def close(self) -> None:
        """End every subscription (the server stops)."""
        for queue in list(self._queues):
            queue.put_nowait(None)

    async def events(self, generation: int) -> AsyncIterator[str]:
        """The server-sent events of one page, starting with the current generation."""
        queue: asyncio.Queue[int | None] = asyncio.Queue()
        self._queues.add(queue)
        try:
            yield f"event: stand\ndata: {generation}\n\n"
            while True:
                try:
                    item = await asyncio.wait_for(queue.get(), HEARTBEAT_SECONDS)
                except TimeoutError:
                    yield ": nog hier\n\n"
                    continue
                if item is None:
                    return
                yield f"event: stand\ndata: {item}\n\n"
        finally:
            self._queues.discard(queue)


def relevant(change: Change, path: str) -> bool:
    """True for a change of a file the pages depend on (not an editor's temporary file)."""
    name = Path(path).name
    return not name.startswith((".", "~")) and name.endswith(_RELEVANT)


async def watch(
    places: tuple[Path, ...],
    on_change: Callable[[list[Path]], int],
    omroep: Omroep,
    stop: asyncio.Event,
) -> None:
    """Watch ``places`` until ``stop``; call ``on_change(paths)`` for every batch of changes
    and publish the generation it returns."""
    if not places:
        return
    try:
        async for changes in awatch(
            *places, watch_filter=relevant, debounce=50, step=20, stop_event=stop
        ):
            touched = [Path(path) for _, path in changes]
            generation = await asyncio.to_thread(on_change, touched)
            omroep.publish(generation)
    except (OSError, RuntimeError) as e:
        log.warning("bestanden volgen is gestopt (%s); ververs de pagina zelf", type(e).__name__)
