"""Start the werkbank: bind 127.0.0.1, make the tokens of this start, serve until stopped.

The only edge of the werkbank with the world: it picks the port, opens the browser and
configures the log (method, path, status; never a query, a form or a dossier's content).
"""

from __future__ import annotations

import logging
import secrets
import socket
import sys
import threading
import webbrowser
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from dossiergen.config import default_jobs, resolve_peildatum
from dossiergen.errors import UsageError

#: The only address the werkbank listens on: this computer, never the network.
HOST = "127.0.0.1"


@dataclass(frozen=True)
class WerkbankOptions:
    """``dossiergen werkbank``."""

    folder: Path = Path(".")
    port: int = 0  # 0: a free port
    open_browser: bool = True
    peildatum: date | None = None  # None: today, every request anew


def missing_parts() -> list[str]:
    """The packages of the ``werkbank`` extra that are not installed."""
    import importlib.util

    return [
        name
        for name in ("starlette", "uvicorn", "watchfiles")
        if importlib.util.find_spec(name) is None
    ]


def run_werkbank(options: WerkbankOptions, announce: Callable[[str], None]) -> int:
    """Serve the practice in ``options.folder`` until interrupted; 0 when it stopped cleanly."""
    missing = missing_parts()
    if missing:
        raise UsageError(
            "de werkbank heeft extra onderdelen nodig ("
            + ", ".join(missing)
            + "); installeer ze met: pip install 'dossiergen[werkbank]' "
            "(of: pipx inject dossiergen starlette uvicorn watchfiles)"
        )
    import uvicorn

    from dossiergen.werkbank.app import make_app
    from dossiergen.werkbank.werkplaats import open_werkplaats

    werkplaats = open_werkplaats(options.folder)
    listener = _listen(options.port)
    port = listener.getsockname()[1]
    token, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
    fixed = options.peildatum

    def clock() -> date:
        return fixed or resolve_peildatum(None)

    app = make_app(werkplaats, port=port, token=token, csrf=csrf, clock=clock, jobs=default_jobs())
    configure_logging()
    url = f"http://{HOST}:{port}/?token={token}"
    announce(url)
    if options.open_browser:
        threading.Timer(0.3, webbrowser.open, [url]).start()
    config = uvicorn.Config(
        app,
        log_config=None,
        access_log=False,
        lifespan="on",
        timeout_graceful_shutdown=1,
        server_header=False,
    )
    uvicorn.Server(config).run(sockets=[listener])
    return 0


def _listen(port: int) -> socket.socket:
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        listener.bind((HOST, port))
    except OSError as e:
        listener.close()
        raise UsageError(f"poort {port} is niet vrij op {HOST}: {e.strerror or e}") from e
    listener.listen(64)
    return listener


def configure_logging() -> None:
    """Our own short lines on stderr; uvicorn only says something when it must."""
    ours = logging.getLogger("dossiergen.werkbank")
    if not ours.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("werkbank: %(message)s"))
        ours.addHandler(handler)
    ours.setLevel(logging.INFO)
    ours.propagate = False
    for name in ("uvicorn", "uvicorn.error", "uvicorn.access"):
        logging.getLogger(name).setLevel(logging.WARNING)
