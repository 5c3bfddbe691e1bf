"""Domain rules that JSON Schema cannot say (DESIGN.md §7, Leidraad, Poortwachter).

Each rule is a small function from the dossier data to problems at the right line. Hard
contradictions (shares that do not add up, dates out of order, an invalid BSN, a reference to a
beperking that does not exist) are errors and block a build; matters of judgement (an old FML,
more than five task clusters, costly scholing) are warnings, which ``--strict`` turns into errors.

``verzuim`` holds the rules on the illness and its steps, ``werk`` those on the work,
``privacy`` the diagnosis-word scan; ``base`` their shared pieces.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from datetime import date
from typing import Any

from dossiergen.dossier.load import LoadedDossier
from dossiergen.dossier.locations import problem_at
from dossiergen.errors import DomainError
from dossiergen.problems import Problem, Severity
from dossiergen.rules.base import Found
from dossiergen.rules.privacy import diagnosis_warnings
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

__all__ = ["RULES", "apply_rules", "domain_problem"]

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

    Rules read the data defensively; when the schema already reported a malformed part, a rule
    that trips over it is skipped (that part has its message), otherwise the error is a bug. A
    ``DomainError`` from the law's code (a value it cannot compute with) is a located ``fout``.
    """
    data = dossier.data
    problems: list[Problem] = []
    for rule in RULES:
        try:
            found = list(rule(data, peildatum))
        except DomainError as e:
            problems.append(domain_problem(dossier, e))
            continue
        except (TypeError, KeyError, ValueError, AttributeError, IndexError):
            if schema_problems:
                continue
            raise
        name = "regel." + rule.__name__.removeprefix("rule_")
        problems.extend(
            replace(problem_at(dossier.display_path, data, severity, parts, message), rule=name)
            for severity, parts, message in found
        )
    problems.extend(replace(p, rule="privacy.diagnosewoord") for p in diagnosis_warnings(dossier))
    return problems


def domain_problem(dossier: LoadedDossier, error: DomainError) -> Problem:
    """A ``DomainError`` as a ``fout`` at the place in the dossier it names."""
    located = problem_at(
        dossier.display_path, dossier.data, Severity.FOUT, error.json_path, str(error)
    )
    return replace(located, rule="regel.berekening")
