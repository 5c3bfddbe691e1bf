"""``dossiergen check`` for CI systems: versioned JSON, GitLab Code Quality and SARIF 2.1.0.

Every output here can end up in a CI log or a merge-request page that more people read than
the dossier itself, so identifying numbers and addresses are masked in each message: BSN,
loonheffingennummer, KvK, IBAN, telephone numbers and e-mail addresses. The shapes are
described in docs/ci-uitvoer.md; ``VERSION`` changes whenever a key changes meaning or goes.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from dossiergen import __version__
from dossiergen.checker import CheckResult
from dossiergen.problems import Problem, Severity

#: Version of the JSON shape of ``check --format json``.
VERSION = 1
INFORMATION_URI = "https://dossiergen.nl"

# An e-mail address, an IBAN, a loonheffingennummer and any run of 8 or more digits (BSN, KvK,
# telephone numbers): what they are does not matter, only that nobody reads them in a log.
_IDENTIFIERS = re.compile(
    r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|\b[A-Z]{2}\d{2}[A-Z]{4}\d{7,}\b"
    r"|(?<!\d)\d{9}L\d{2}(?!\d)"
    r"|(?<![\d-])\d{8,}(?![\d-])"
)
#: Keys whose value is an identifier whatever it looks like (a mistyped BSN is one too).
_IDENTIFYING_KEYS = ("bsn", "telefoon", "email", "iban", "loonheffingennummer", "kvk_nummer")
_QUOTED = re.compile(r"'[^']*'")


def mask(message: str, json_path: str = "$") -> str:
    """``message`` with every identifier replaced by ``*`` (one per character)."""

    def hide(match: re.Match[str]) -> str:
        return re.sub(r"[^\s'.@-]", "*", match.group(0))

    key = json_path.rsplit(".", 1)[-1].split("[", 1)[0]
    if key in _IDENTIFYING_KEYS:
        message = _QUOTED.sub(hide, message, count=1)
    return _IDENTIFIERS.sub(hide, message)


@dataclass(frozen=True)
class CiProblem:
    """One problem as every CI output shows it: masked, with its severity after ``--strict``."""

    rule: str
    severity: Severity
    file: str
    line: int
    column: int
    json_path: str
    message: str

    @property
    def fingerprint(self) -> str:
        """Stable across runs and line shifts: rule, file, JSON path and masked message."""
        key = "\0".join((self.rule, self.file, self.json_path, self.message))
        return hashlib.sha256(key.encode()).hexdigest()

    def as_dict(self) -> dict[str, Any]:
        """One entry of ``problems`` in ``check --format json``."""
        return {
            "rule": self.rule,
            "severity": self.severity.value,
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "json_path": self.json_path,
            "message": self.message,
            "fingerprint": self.fingerprint,
        }


def ci_problems(results: Sequence[CheckResult], *, strict: bool) -> list[CiProblem]:
    """Every problem of every result, masked; warnings count as errors under ``strict``."""
    return [_ci(problem, strict) for result in results for problem in result.problems]


def _ci(problem: Problem, strict: bool) -> CiProblem:
    severity = Severity.FOUT if strict else problem.severity
    return CiProblem(
        rule=problem.rule or "dossiergen",
        severity=severity,
        file=problem.path.replace("\\", "/"),
        line=problem.line,
        column=problem.column,
        json_path=problem.json_path,
        message=mask(problem.message, problem.json_path),
    )


def as_json(results: Sequence[CheckResult], *, strict: bool = False) -> str:
    """``check --format json``: one object with a version, a summary and the problems."""
    problems = ci_problems(results, strict=strict)
    body = {
        "format": "dossiergen-check",
        "version": VERSION,
        "tool_version": __version__,
        "strict": strict,
        "summary": {
            "dossiers": len(results),
            "rejected": sum(r.failed(strict=strict) for r in results),
            "errors": sum(p.severity is Severity.FOUT for p in problems),
            "warnings": sum(p.severity is Severity.WAARSCHUWING for p in problems),
        },
        "problems": [p.as_dict() for p in problems],
    }
    return json.dumps(body, ensure_ascii=False, indent=2) + "\n"


_GITLAB_SEVERITY = {Severity.FOUT: "major", Severity.WAARSCHUWING: "minor"}


def as_gitlab(results: Sequence[CheckResult], *, strict: bool = False) -> str:
    """A GitLab Code Quality report (``artifacts:reports:codequality``)."""
    issues = [
        {
            "description": p.message,
            "check_name": p.rule,
            "fingerprint": p.fingerprint,
            "severity": _GITLAB_SEVERITY[p.severity],
            "location": {"path": p.file, "lines": {"begin": p.line}},
        }
        for p in ci_problems(results, strict=strict)
    ]
    return json.dumps(issues, ensure_ascii=False, indent=2) + "\n"


_SARIF_LEVEL = {Severity.FOUT: "error", Severity.WAARSCHUWING: "warning"}


def as_sarif(results: Sequence[CheckResult], *, strict: bool = False) -> str:
    """A SARIF 2.1.0 log for GitHub code scanning (``github/codeql-action/upload-sarif``)."""
    problems = ci_problems(results, strict=strict)
    rules = sorted({p.rule for p in problems})
    log = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "dossiergen",
                        "version": __version__,
                        "informationUri": INFORMATION_URI,
                        "rules": [
                            {"id": rule, "shortDescription": {"text": _rule_text(rule)}}
                            for rule in rules
                        ],
                    }
                },
                "results": [_sarif_result(p, rules.index(p.rule)) for p in problems],
            }
        ],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


def _sarif_result(problem: CiProblem, rule_index: int) -> dict[str, Any]:
    return {
        "ruleId": problem.rule,
        "ruleIndex": rule_index,
        "level": _SARIF_LEVEL[problem.severity],
        "message": {"text": problem.message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": problem.file, "uriBaseId": "%SRCROOT%"},
                    "region": {"startLine": problem.line, "startColumn": problem.column},
                },
                "logicalLocations": [{"fullyQualifiedName": problem.json_path, "kind": "member"}],
            }
        ],
        "partialFingerprints": {"dossiergen/v1": problem.fingerprint},
    }


_RULE_TEXTS = {
    "yaml": "Het bestand is geen leesbare YAML.",
    "schema": "Het dossier voldoet niet aan het schema",
    "regel": "Een domeinregel (Poortwachter, Leidraad)",
    "privacy": "Medische informatie kan bij de werkgever terechtkomen.",
    "document": "Een document mist gegevens.",
}


def _rule_text(rule: str) -> str:
    family, _, detail = rule.partition(".")
    text = _RULE_TEXTS.get(family, "Controle van dossiergen.")
    return f"{text}: {detail}." if family in ("schema", "regel") and detail else text
