"""The werkbank's web application: routes, each a thin call into the state and a page.

Pages are rendered on the server; the small script of the werkbank fetches a page's content
again when the state changes (server-sent events) and adds and removes form rows. Requests run
in a thread pool; the state (``Stand``) serialises what must not run twice at once.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from datetime import date
from typing import Any
from urllib.parse import parse_qsl, urlencode

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response, StreamingResponse
from starlette.routing import Route

from dossiergen.documents import DOCUMENTS
from dossiergen.werkbank import dossierpagina
from dossiergen.werkbank.beveiliging import ASGIApp, Guard, csrf_ok
from dossiergen.werkbank.live import Omroep, watch
from dossiergen.werkbank.overzicht import Filters, make_row
from dossiergen.werkbank.pagina import STATIC, STATIC_FILES, render
from dossiergen.werkbank.stand import Stand
from dossiergen.werkbank.werkplaats import Werkplaats

#: A form is a few hundred fields; more is not a form of ours.
MAX_FORM_BYTES = 2_000_000


@dataclass
class Werkbank:
    """Everything a request needs: the state, the tokens of this start and "today"."""

    stand: Stand
    token: str
    csrf: str
    clock: Callable[[], date]
    omroep: Omroep

    @property
    def werkplaats(self) -> Werkplaats:
        """The practice shown."""
        return self.stand.werkplaats

    def page(self, request: Request, name: str, status: int = 200, **context: Any) -> Response:
        """A page, or only its content when the page's script asks for it (live update)."""
        shared = {
            "csrf": self.csrf,
            "token": self.token,
            "generatie": self.stand.generation,
            "praktijk": self.werkplaats.resources.bureau_naam or self.werkplaats.root.name,
            "alleen_inhoud": request.headers.get("x-werkbank-deel") == "1",
        }
        return HTMLResponse(render(name, **shared, **context), status_code=status)


def overview(bank: Werkbank, request: Request) -> Response:
    """The overview of every dossier, the most urgent first."""
    peildatum = bank.clock()
    stand = bank.stand
    summaries = stand.summaries(peildatum)
    versions = stand.versions([s.path for s in summaries])
    rows = [
        make_row(
            stand.ident(s.path),
            s,
            [spec.name for spec in stand.outdated(s, versions[s.path])],
            peildatum,
            gebouwd=stand.built(s),
        )
        for s in summaries
    ]
    filters = Filters.from_query(dict(request.query_params))
    return bank.page(
        request, "overzicht.html", **dossierpagina.overview_context(rows, filters, peildatum)
    )


def agenda(bank: Werkbank, request: Request) -> Response:
    """Every open deadline of the practice as an iCalendar file (as ``dossiergen agenda``)."""
    peildatum = bank.clock()
    body = dossierpagina.agenda_bytes(bank.stand.summaries(peildatum), peildatum)
    return Response(
        body,
        media_type="text/calendar; charset=utf-8",
        headers={"content-disposition": 'inline; filename="poortwachter-termijnen.ics"'},
    )


def dossier(bank: Werkbank, request: Request) -> Response:
    """One dossier: problems, timeline, documents and a preview."""
    summary = bank.stand.summary(request.path_params["id"], bank.clock())
    if summary is None:
        return _not_found(bank, request)
    chosen = request.query_params.get("document", "")
    context = dossierpagina.dossier_context(bank.stand, summary, chosen)
    saved = request.query_params.get("opgeslagen", "")
    git = request.query_params.get("git", "")
    return bank.page(request, "dossier.html", opgeslagen=saved, git=git, **context)


def download(bank: Werkbank, request: Request) -> Response:
    """A document as .docx, or as PDF where LibreOffice is installed; built if out of date."""
    summary = bank.stand.summary(request.path_params["id"], bank.clock())
    spec = DOCUMENTS.get(request.path_params["document"])
    kind = request.path_params["soort"]
    if summary is None or spec is None or kind not in ("docx", "pdf"):
        return _not_found(bank, request)
    made = dossierpagina.build_document(bank.stand, summary, spec, pdf=kind == "pdf")
    if made.path is not None and not bank.werkplaats.inside(made.path):
        made = dossierpagina.Gemaakt(
            None, ("de uitvoermap ligt buiten de praktijkmap; de werkbank geeft daar niets uit",)
        )
    if made.path is None:
        context = {"s": summary, "ident": request.path_params["id"], "made": made}
        return bank.page(request, "mislukt.html", status=409, **context)
    media = {
        "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "pdf": "application/pdf",
    }[kind]
    name = f"{summary.path.stem}-{spec.name}.{kind}"
    data = made.path.read_bytes()
    return Response(
        data, media_type=media, headers={"content-disposition": f'attachment; filename="{name}"'}
    )


def edit(bank: Werkbank, request: Request) -> Response:
    """The form of one section of a dossier."""
    summary = bank.stand.summary(request.path_params["id"], bank.clock())
    if summary is None:
        return _not_found(bank, request)
    context = dossierpagina.form_context(bank.stand, summary, request.path_params["sectie"])
    if context is None and not summary.readable:
        reason = "Dit dossier kan niet worden gelezen; herstel eerst de fouten in de editor."
        return bank.page(request, "niet-gevonden.html", status=404, reden=reason)
    if context is None:
        return _not_found(bank, request)
    return bank.page(request, "bewerken.html", **context)


async def save(bank: Werkbank, request: Request) -> Response:
    """Save a section form (CSRF-checked); back to the dossier, or the form with messages."""
    body = await request.body()
    if len(body) > MAX_FORM_BYTES:
        return HTMLResponse("Het formulier is te groot.", status_code=413)
    form = dict(parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True))
    if not csrf_ok(form, bank.csrf):
        return HTMLResponse("Geweigerd: het formulier mist de beveiligingscode.", status_code=403)
    ident, section = request.path_params["id"], request.path_params["sectie"]
    outcome = await asyncio.to_thread(
        dossierpagina.save_form, bank.stand, ident, section, form, bank.clock()
    )
    if outcome is None:
        return _not_found(bank, request)
    if outcome.get("opgeslagen"):
        query = urlencode({"opgeslagen": section, "git": outcome.get("git", "")})
        return RedirectResponse(f"/dossier/{ident}?{query}", status_code=303)
    return bank.page(request, "bewerken.html", status=422, **outcome)


async def events(bank: Werkbank, request: Request) -> Response:
    """Server-sent events: the state's generation, whenever it changes."""
    return StreamingResponse(
        bank.omroep.events(bank.stand.generation),
        media_type="text/event-stream",
        headers={"x-accel-buffering": "no"},
    )


def static(bank: Werkbank, request: Request) -> Response:
    """The werkbank's own stylesheet and script, by name only."""
    name = request.path_params["naam"]
    media = STATIC_FILES.get(name)
    if media is None:
        return _not_found(bank, request)
    return Response((STATIC / name).read_bytes(), media_type=media)


def _not_found(bank: Werkbank, request: Request) -> Response:
    return bank.page(request, "niet-gevonden.html", status=404)


def make_app(
    werkplaats: Werkplaats,
    *,
    port: int,
    token: str,
    csrf: str,
    clock: Callable[[], date],
    jobs: int = 1,
    watch_files: bool = True,
) -> ASGIApp:
    """The guarded application for one practice (see module docstring)."""
    stand = Stand(werkplaats, jobs=jobs)
    bank = Werkbank(stand, token, csrf, clock, Omroep())

    def bound(handler: Callable[..., Any]) -> Callable[[Request], Any]:
        if asyncio.iscoroutinefunction(handler):

            async def run_async(request: Request) -> Response:
                response: Response = await handler(bank, request)
                return response

            return run_async

        def run(request: Request) -> Response:
            response: Response = handler(bank, request)
            return response

        return run

    routes = [
        Route("/", bound(overview)),
        Route("/agenda.ics", bound(agenda)),
        Route("/dossier/{id:str}", bound(dossier)),
        Route("/dossier/{id:str}/document/{document:str}.{soort:str}", bound(download)),
        Route("/dossier/{id:str}/bewerken/{sectie:str}", bound(edit)),
        Route("/dossier/{id:str}/bewerken/{sectie:str}", bound(save), methods=["POST"]),
        Route("/gebeurtenissen", bound(events)),
        Route("/static/{naam:str}", bound(static)),
        Route("/favicon.ico", lambda request: Response(status_code=204)),
    ]

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        stop = asyncio.Event()
        task = None
        if watch_files:
            task = asyncio.create_task(
                watch(werkplaats.watched, stand.files_changed, bank.omroep, stop)
            )
        try:
            yield
        finally:
            stop.set()
            bank.omroep.close()
            if task is not None:
                with contextlib.suppress(asyncio.CancelledError, TimeoutError):
                    await asyncio.wait_for(task, 2)

    application = Starlette(routes=routes, lifespan=lifespan)
    return Guard(application, port=port, token=token)
