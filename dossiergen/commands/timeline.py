"""``dossiergen timeline``: the Poortwachter timeline of one dossier, as a table or as JSON.

The timeline needs only a valid ``verzuim`` section: a case in week 2 has little else, so
problems elsewhere in the dossier are passed back as warnings and do not stop it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from dossiergen.commands.options import OutputFormat, TimelineOptions
from dossiergen.config import Resources, default_resources
from dossiergen.dossier.readers import iso as _iso
from dossiergen.errors import DossierError
from dossiergen.poortwachter.tijdlijn import VERLOPEN, Mijlpaal, Tijdlijn
from dossiergen.text.filters import datum


def timeline_json(display_path: str, tijdlijn: Tijdlijn) -> dict[str, Any]:
    """The ``dossiergen timeline --format json`` object."""
    return {
        "dossier": display_path,
        "eerste_ziektedag": tijdlijn.eerste_ziektedag.isoformat(),
        "peildatum": tijdlijn.peildatum.isoformat(),
        "ziekteweek": tijdlijn.ziekteweek_op_peildatum,
        "einde_wachttijd": _iso(tijdlijn.einde_wachttijd),
        "mijlpalen": [
            {
                "id": m.id,
                "omschrijving": m.omschrijving,
                "vanaf": _iso(m.vanaf),
                "uiterlijk": _iso(m.uiterlijk),
                "gedaan_op": _iso(m.gedaan_op),
                "status": m.status,
                "regel": m.regel,
            }
            for m in tijdlijn.mijlpalen
        ],
        "opmerkingen": list(tijdlijn.waarschuwingen),
    }


def kort(day: date | None) -> str:
    """A date as 05-01-2026, or a dash for none."""
    return datum(day, "kort") if day else "–"


def table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    """Plain-text columns, padded to the widest cell, with a rule under the header."""
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]

    def line(cells: Sequence[str]) -> str:
        return "  ".join(str(c).ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip()

    return [line(header), line(["-" * w for w in widths]), *(line(r) for r in rows)]


def timeline_text(display_path: str, tijdlijn: Tijdlijn) -> str:
    """A readable table of the milestones, with the rule of each underneath."""
    week = tijdlijn.ziekteweek_op_peildatum
    lines = [
        f"Tijdlijn {display_path}",
        f"Eerste ziektedag {datum(tijdlijn.eerste_ziektedag)}; peildatum "
        f"{datum(tijdlijn.peildatum)}" + (f" (ziekteweek {week})" if week else " (niet ziek)"),
        "",
    ]
    rows = [
        [m.omschrijving, kort(m.vanaf), kort(m.uiterlijk), kort(m.gedaan_op), _status(m)]
        for m in tijdlijn.mijlpalen
    ]
    lines += table(["mijlpaal", "vanaf", "uiterlijk", "gedaan op", "status"], rows)
    lines += ["", "Regels:"]
    lines += [f"- {m.omschrijving}: {m.regel}" for m in tijdlijn.mijlpalen]
    if tijdlijn.waarschuwingen:
        lines += ["", "Opmerkingen:"]
        lines += [f"- {w}" for w in tijdlijn.waarschuwingen]
    return "\n".join(lines) + "\n"


def _status(m: Mijlpaal) -> str:
    return f"{m.status} (!)" if m.status == VERLOPEN else m.status


def run_timeline(
    options: TimelineOptions, *, resources: Resources | None = None
) -> tuple[str, str]:
    """The timeline of one dossier: (report for stdout, warnings for stderr).

    Raises ``DossierError`` when the dossier cannot be read or its ``verzuim`` is invalid.
    """
    out, problems, failed = run_timelines(options, resources=resources)
    if failed:
        raise failed[0]
    return out, problems


def run_timelines(
    options: TimelineOptions, *, resources: Resources | None = None
) -> tuple[str, str, list[DossierError]]:
    """The timelines of a dossier, or of every dossier in a folder: (report for stdout,
    warnings for stderr, the error of each dossier that has no timeline).

    One dossier's problem never stops the others. For a folder the JSON is a list.
    """
    import json

    from dossiergen.checker import schemas_at, timeline_for
    from dossiergen.dossier.load import load_dossier
    from dossiergen.files import discover, display_path

    resources = resources or default_resources()
    schemas = schemas_at(resources.schemas_dir)  # loaded once per process
    texts: list[str] = []
    objects: list[dict[str, Any]] = []
    warnings: list[str] = []
    failed: list[DossierError] = []
    for path in discover([options.path]):
        shown = display_path(path)
        try:
            dossier = load_dossier(path, shown)
            tijdlijn, problems = timeline_for(dossier, schemas, options.peildatum)
        except DossierError as e:
            failed.append(e)
            continue
        except Exception as e:  # the last net: one dossier never stops the others
            failed.append(
                DossierError(f"{shown}: geen tijdlijn: onverwachte fout ({type(e).__name__}: {e})")
            )
            continue
        warnings += [p.as_text() + "\n" for p in problems]
        texts.append(timeline_text(shown, tijdlijn))
        objects.append(timeline_json(shown, tijdlijn))
    if options.output_format is OutputFormat.JSON:
        single = len(objects) == 1 and not failed and not options.path.is_dir()
        value: Any = objects[0] if single else objects
        out = json.dumps(value, ensure_ascii=False, indent=2) + "\n"
    else:
        out = "\n".join(texts)
    return out, "".join(warnings), failed
