"""The werkbank's guard: only this machine, only who has the link, no forged changes.

An ASGI middleware in front of every request:

* the ``Host`` header must name the werkbank itself (``127.0.0.1:<poort>`` or
  ``localhost:<poort>``): a web page on another name that resolves to 127.0.0.1 (DNS
  rebinding) gets nothing;
* a random token, new at every start, must come with the request: in the link the werkbank
  opens (``?token=...``, then exchanged for a cookie bound to this port, and the address bar
  cleaned) or as that cookie. ``agenda.ics`` also takes the token in its address, for calendar
  programs without cookies;
* a change (any method but GET and HEAD) must come from the werkbank's own pages (``Origin``)
  and carry the CSRF token of this start; the pages put it in every form (``csrf_ok``);
* every answer says: no caching, no framing, scripts and styles only from the werkbank itself.

Refusals are short Dutch pages; nothing is logged but method, status and the path without its
query (ids in paths are hashes, never names).
"""

from __future__ import annotations

import hmac
import logging
from collections.abc import Awaitable, Callable, MutableMapping
from http.cookies import SimpleCookie
from typing import Any
from urllib.parse import parse_qsl, urlencode

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

log = logging.getLogger("dossiergen.werkbank")

#: Paths that accept the token in their address on every request (calendar subscriptions).
TOKEN_IN_ADDRESS = ("/agenda.ics",)

SECURITY_HEADERS = (
    (
        b"content-security-policy",
        b"default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        b"connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    ),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"same-origin"),  # no-referrer would make forms send Origin: null
    (b"cache-control", b"no-store"),
    (b"cross-origin-resource-policy", b"same-origin"),
)


class Guard:
    """The middleware (see module docstring)."""

    def __init__(self, app: ASGIApp, *, port: int, token: str) -> None:
        self.app = app
        self.port = port
        self.token = token
        self.cookie = f"dossiergen_werkbank_{port}"
        self.hosts = {f"127.0.0.1:{port}".encode(), f"localhost:{port}".encode()}
        self.origins = {b"http://" + host for host in self.hosts}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        status = {"code": 0}

        async def send_secured(message: Message) -> None:
            if message["type"] == "http.response.start":
                status["code"] = message["status"]
                message["headers"] = [*message.get("headers", []), *SECURITY_HEADERS]
            await send(message)

        try:
            await self._guarded(scope, receive, send_secured)
        except Exception as e:  # never a traceback with dossier data in the log
            log.error("%s %s: interne fout (%s)", scope["method"], scope["path"], type(e).__name__)
            if not status["code"]:
                await _page(send_secured, 500, "Er ging iets mis in de werkbank.")
            return
        log.info("%s %s %s", scope["method"], scope["path"], status["code"])

    async def _guarded(self, scope: Scope, receive: Receive, send: Send) -> None:
        headers = dict(scope["headers"])
        if headers.get(b"host") not in self.hosts:
            await _page(send, 403, "Deze werkbank is alleen bereikbaar via 127.0.0.1.")
            return
        query = dict(parse_qsl(scope.get("query_string", b"").decode("latin-1")))
        given = query.get("token", "")
        if given and self._valid(given):
            if scope["method"] == "GET" and scope["path"] not in TOKEN_IN_ADDRESS:
                await self._enter(scope, query, send)
                return
        elif not self._valid(_cookie(headers, self.cookie)):
            await _page(
                send,
                403,
                "Geen toegang. Open de werkbank via de link die 'dossiergen werkbank' toonde "
                "toen het startte.",
            )
            return
        if scope["method"] not in ("GET", "HEAD"):
            origin = headers.get(b"origin")
            if origin is not None and origin not in self.origins:
                await _page(send, 403, "Een wijziging van buiten de werkbank is geweigerd.")
                return
        await self.app(scope, receive, send)

    def _valid(self, candidate: str) -> bool:
        return bool(candidate) and hmac.compare_digest(candidate.encode(), self.token.encode())

    async def _enter(self, scope: Scope, query: dict[str, str], send: Send) -> None:
        """Exchange the token in the address for a cookie, then show the clean address."""
        rest = urlencode({k: v for k, v in query.items() if k != "token"})
        location = scope["path"] + (f"?{rest}" if rest else "")
        cookie = f"{self.cookie}={self.token}; Path=/; HttpOnly; SameSite=Strict"
        await send(
            {
                "type": "http.response.start",
                "status": 303,
                "headers": [
                    (b"location", location.encode()),
                    (b"set-cookie", cookie.encode()),
                    (b"content-length", b"0"),
                ],
            }
        )
        await send({"type": "http.response.body", "body": b""})


def csrf_ok(form: dict[str, str], expected: str) -> bool:
    """True when a submitted form carries this start's CSRF token."""
    given = form.get("csrf", "")
    return bool(given) and hmac.compare_digest(given.encode(), expected.encode())


def _cookie(headers: dict[bytes, bytes], name: str) -> str:
    raw = headers.get(b"cookie")
    if not raw:
        return ""
    jar: SimpleCookie = SimpleCookie()
    try:
        jar.load(raw.decode("latin-1"))
    except Exception:  # a malformed cookie header is no token
        return ""
    morsel = jar.get(name)
    return morsel.value if morsel is not None else ""


async def _page(send: Send, status: int, text: str) -> None:
    body = (
        '<!doctype html><html lang="nl"><meta charset="utf-8"><title>Werkbank</title>'
        f"<body><p>{text}</p></body></html>"
    ).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"text/html; charset=utf-8"),
                (b"content-length", str(len(body)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
