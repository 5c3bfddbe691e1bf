"""Domain rules that JSON Schema cannot say (DESIGN.md §7, Leidraad, Poortwachter).

Each rule is a small function from the dossier data to problems at the right line. Hard
contradictions (shares that do not add up, dates out of order, an invalid BSN, a reference to a
beperking that does not exist) are errors and block a build; matters of judgement (an old FML,
more than five task clusters, costly scholing) are warnings, which ``--strict`` turns into errors.

``verzuim`` holds the rules on the illness and its steps, ``werk`` those on the work,
``privacy`` the diagnosis-word scan, ``grenzen`` the bounds a value must lie in before the law's
code computes with it; ``base`` their shared pieces.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from datetime import date
from functools import partial
from typing import Any

from dossiergen.dossier.load import LoadedDossier
from dossiergen.dossier.locations import problem_at
from dossiergen.dossier.texts import Text
from dossiergen.errors import DomainError
from dossiergen.problems import Problem, Severity
from dossiergen.rules.base import Found
from dossiergen.rules.concept import rule_nog_invullen
from dossiergen.rules.grenzen import rule_grenzen
from dossiergen.rules.migratie import migration_warnings
from dossiergen.rules.privacy import diagnosis_warnings, scanned_texts
from dossiergen.rules.verzuim import (
    rule_brief_verlenging,
    rule_bsn,
    rule_datumvolgorde,
    rule_reden_plan_later,
    rule_spoor_2_datum,
    rule_termijnen,
    rule_verlenging_ziek_uit_dienst,
    rule_verlof_en_verlenging,
    rule_ziekteperioden,
)
from dossiergen.rules.werk import (
    rule_arbeidstherapeutisch_doel,
    rule_arbeidsverleden,
    rule_beperking_verwijzingen,
    rule_fml_actueel,
    rule_functiegebouw,
    rule_scholing_en_kosten,
    rule_taken,
)

__all__ = [
    "COMPUTATION_ERRORS",
    "RULES",
    "TEXT_RULES",
    "apply_rules",
    "computation_problem",
    "domain_problem",
]

#: What the law's code or a derivation raises for a value it cannot compute with but did not
#: name (a date beyond ``date.max``, a period that ends before it starts): the dossier's fault
#: or a gap in a rule, reported as a ``fout`` for that dossier, never as a traceback.
COMPUTATION_ERRORS: tuple[type[Exception], ...] = (
    DomainError,
    ArithmeticError,
    ValueError,
    TypeError,
    KeyError,
    AttributeError,
    IndexError,
    RuntimeError,  # and RecursionError; the holiday calendar's "not all holidays known"
)

#: Rules that read every text of the dossier, gathered once (``dossier.texts``). They run
#: first: the rules after ``rule_grenzen`` may trip over a value it reports.
TEXT_RULES: tuple[Callable[[Sequence[Text], date], Iterator[Found]], ...] = (
    rule_grenzen,
    rule_nog_invullen,
)

RULES: tuple[Callable[[Any, date], Iterator[Found]], ...] = (
    rule_bsn,
    rule_ziekteperioden,
    rule_verlof_en_verlenging,
    rule_brief_verlenging,
    rule_verlenging_ziek_uit_dienst,
    rule_datumvolgorde,
    rule_reden_plan_later,
    rule_termijnen,
    rule_spoor_2_datum,
    rule_fml_actueel,
    rule_beperking_verwijzingen,
    rule_taken,
    rule_arbeidsverleden,
    rule_scholing_en_kosten,
    rule_functiegebouw,
    rule_arbeidstherapeutisch_doel,
)


def apply_rules(
    dossier: LoadedDossier, peildatum: date, *, schema_problems: Sequence[Problem] = ()
) -> list[Problem]:
    """Every domain problem of ``dossier``.

    Rules read the data defensively; when the schema, the bounds or an earlier rule already
    reported an error, a rule that trips over it is skipped (that part has its message).
    Otherwise a ``DomainError`` from the law's code is a located ``fout``, and any other error
    a rule raises is one ``fout`` for this dossier (see ``computation_problem``): one dossier's
    value never stops the others.
    """
    data = dossier.data
    texts = scanned_texts(data)
    steps: list[tuple[str, Callable[[], Iterator[Found]]]] = [
        *((r.__name__, partial(r, texts, peildatum)) for r in TEXT_RULES),
        *((r.__name__, partial(r, data, peildatum)) for r in RULES),
    ]
    problems: list[Problem] = []
    blocked = any(p.severity is Severity.FOUT for p in schema_problems)
    for rule_name, rule in steps:
        try:
            found = list(rule())
        except DomainError as e:
            # a value the bounds or an earlier rule already reported as a fout: one message
            located = domain_problem(dossier, e)
            if not _reported(located.json_path, (*schema_problems, *problems)):
                problems.append(located)
            continue
        except COMPUTATION_ERRORS as e:
            if not blocked:
                problems.append(computation_problem(dossier, e, ("verzuim",)))
                blocked = True
            continue
        name = "regel." + rule_name.removeprefix("rule_")
        problems.extend(
            replace(problem_at(dossier.display_path, data, severity, parts, message), rule=name)
            for severity, parts, message in found
        )
        blocked = blocked or any(severity is Severity.FOUT for severity, _, _ in found)
    warnings = diagnosis_warnings(dossier, texts)
    problems.extend(replace(p, rule="privacy.diagnosewoord") for p in warnings)
    problems.extend(migration_warnings(dossier))
    return problems


def _reported(path: str, problems: Sequence[Problem]) -> bool:
    """Whether a fout already stands at ``path``, inside it or around it."""

    def related(other: str) -> bool:
        return (
            other == path
            or other.startswith((path + ".", path + "["))
            or path.startswith((other + ".", other + "["))
        )

    return any(p.severity is Severity.FOUT and related(p.json_path) for p in problems)


def domain_problem(dossier: LoadedDossier, error: DomainError) -> Problem:
    """A ``DomainError`` as a ``fout`` at the place in the dossier it names."""
    located = problem_at(
        dossier.display_path, dossier.data, Severity.FOUT, error.json_path, str(error)
    )
    return replace(located, rule="regel.berekening")


def computation_problem(
    dossier: LoadedDossier, error: Exception, near: tuple[str | int, ...] = ()
) -> Problem:
    """An error the law's code or a derivation raised without naming a value, as a ``fout``.

    A ``DomainError`` names its value; anything else is placed at ``near`` (the section that
    was being computed with), with the error's own words, so the consultant can look there.
    """
    if isinstance(error, DomainError):
        return domain_problem(dossier, error)
    detail = str(error) or type(error).__name__
    if isinstance(error, OverflowError) or "out of range" in detail:
        detail = "een berekende datum valt buiten de kalender"
    message = (
        "dossiergen kan met een waarde in dit onderdeel niet rekenen "
        f"({detail}); controleer de datums en getallen hier"
    )
    parts = near if _exists(dossier.data, near) else ()
    located = problem_at(dossier.display_path, dossier.data, Severity.FOUT, parts, message)
    return replace(located, rule="regel.berekening")


def _exists(data: Any, parts: Sequence[str | int]) -> bool:
    for part in parts:
        if isinstance(data, dict) and part in data:
            data = data[part]
        else:
            return False
    return True
