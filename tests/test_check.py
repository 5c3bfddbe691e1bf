"""Acceptance tests of ``dossiergen check``: every broken dossier gives exactly the right lines.

Each ``tests/dossiers/ongeldig/<naam>.yaml`` has a ``<naam>.verwacht`` with precisely the problem
lines that ``dossiergen check --peildatum 2026-11-25 <bestand>`` must print (run from the root of
the repository, without the summary line). Where dossiergen's current output is wrong, the
``.verwacht`` file says what it *should* print and the case is a strict xfail (see ``XFAIL``).
"""

from __future__ import annotations

import json
import re
import tempfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from conftest import ROOT
from hypothesis import HealthCheck, given, note, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from dossiergen.checker import check_file
from dossiergen.cli import main
from dossiergen.commands.check import run_check
from dossiergen.commands.options import CheckOptions, OutputFormat
from dossiergen.config import default_resources
from dossiergen.dossier.load import MAX_FILE_BYTES
from dossiergen.dossier.schemas import load_schemas
from dossiergen.problems import Severity

ONGELDIG = ROOT / "tests" / "dossiers" / "ongeldig"
GELDIG = sorted(
    [*(ROOT / "dossiers").glob("*.yaml"), *(ROOT / "tests" / "dossiers" / "geldig").glob("*.yaml")]
)
PEILDATUM = "2026-11-25"
SCHEMA_COMMENT = "# yaml-language-server: $schema=../../../schemas/v1/dossier.schema.json"
PROBLEM_LINE = re.compile(
    r"^(?P<path>.+?):(?P<line>\d+):(?P<column>\d+): (?P<severity>fout|waarschuwing): "
)

#: Cases whose ``.verwacht`` describes the correct output that dossiergen does not give yet.
XFAIL: dict[str, str] = {}

ENGLISH = (
    "is not of type",
    "is a required property",
    "Additional properties",
    "additional properties",
    "is not valid under",
    "does not match",
    "is not one of",
    "is too long",
    "is too short",
    "is less than",
    "is greater than",
    "was expected",
    "should be non-empty",
    "is not a",
    "Traceback",
)


def _options(path: Path, **settings: Any) -> CheckOptions:
    return CheckOptions(peildatum=date.fromisoformat(PEILDATUM), paths=(path,), **settings)


def _cases() -> list[Any]:
    cases = []
    for path in sorted(ONGELDIG.glob("*.yaml")):
        marks = []
        if path.stem in XFAIL:
            marks.append(pytest.mark.xfail(strict=True, reason=XFAIL[path.stem]))
        cases.append(pytest.param(path, id=path.stem, marks=marks))
    return cases


def _expected(path: Path) -> list[str]:
    return path.with_suffix(".verwacht").read_text(encoding="utf-8").splitlines()


def _problem_lines(report: str) -> list[str]:
    lines = report.splitlines()
    assert lines, "het rapport is leeg"
    assert "gecontroleerd" in lines[-1], f"laatste regel is geen samenvatting: {lines[-1]!r}"
    return lines[:-1]


def _severity_and_path(line: str) -> tuple[str, str]:
    match = PROBLEM_LINE.match(line)
    assert match, f"geen probleemregel: {line!r}"
    return match["severity"], match["path"]


def _relative(path: Path) -> Path:
    return path.relative_to(ROOT)


# --- the corpus itself ------------------------------------------------------------------------


def test_corpus_is_complete_and_well_formed() -> None:
    yamls = sorted(p.stem for p in ONGELDIG.glob("*.yaml"))
    expected = sorted(p.stem for p in ONGELDIG.glob("*.verwacht"))
    assert yamls == expected, "elk .yaml heeft precies één .verwacht en omgekeerd"
    assert 20 <= len(yamls) <= 40
    assert set(XFAIL) <= set(yamls)
    for name in yamls:
        yaml_path = ONGELDIG / f"{name}.yaml"
        assert yaml_path.read_bytes().startswith(SCHEMA_COMMENT.encode()), name
        lines = _expected(yaml_path)
        assert lines, f"{name}.verwacht is leeg: een ongeldig dossier geeft minstens één melding"
        for line in lines:
            match = PROBLEM_LINE.match(line)
            assert match, f"{name}.verwacht: geen probleemregel: {line!r}"
            assert match["path"] == f"tests/dossiers/ongeldig/{name}.yaml"
            assert line.endswith("]"), line
        positions = [
            (int(m["line"]), int(m["column"])) for m in map(PROBLEM_LINE.match, lines) if m
        ]
        assert positions == sorted(positions), f"{name}.verwacht staat niet op volgorde"


# --- every broken dossier: exactly the expected lines ----------------------------------------


@pytest.mark.parametrize("path", _cases())
def test_invalid_dossier_gives_exactly_the_expected_problems(path: Path) -> None:
    expected = _expected(path)
    report, ok = run_check(_options(_relative(path)))
    assert _problem_lines(report) == expected

    has_error = any(_severity_and_path(line)[0] == "fout" for line in expected)
    _, strict_ok = run_check(_options(_relative(path), strict=True))
    if has_error:
        assert not ok
    else:
        assert ok, "alleen waarschuwingen: zonder --strict is het dossier goedgekeurd"
    assert not strict_ok, "met --strict keurt elke melding het dossier af"


# --- every valid dossier: no problems ---------------------------------------------------------


#: The one example with warnings on purpose: its upload list of the re-integratieverslag is
#: planned for the WIA-aanvraag after the vrijwillige verlenging, and three parts made before the
#: verlenging are outdated by then (the RIV-checklist says so too): check names each of them.
BEWUST = {
    "bakker-spoor2": ("Actueel oordeel bedrijfsarts", "Eindevaluatie", "Visie van de werknemer")
}


@pytest.mark.parametrize("path", GELDIG, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_valid_dossier_has_no_problems(path: Path) -> None:
    report, ok = run_check(_options(_relative(path), strict=path.stem not in BEWUST))
    expected = BEWUST.get(path.stem, ())
    lines = report.splitlines()
    assert lines[-1] == (
        f"1 dossier gecontroleerd: 0 afgekeurd, 0 fouten, {len(expected)} waarschuwingen"
    )
    for line, part in zip(lines[:-1], expected, strict=True):
        assert "waarschuwing: de uploadlijst van het re-integratieverslag" in line
        assert f"'{part}' van " in line and "volgens de RIV-checklist: verouderd door" in line
    assert ok


def test_there_are_valid_examples() -> None:
    assert len(GELDIG) >= 8


# --- JSON output ------------------------------------------------------------------------------


def test_json_output_has_exactly_the_documented_keys() -> None:
    path = _relative(ONGELDIG / "meerdere-problemen.yaml")
    report, ok = run_check(_options(path, output_format=OutputFormat.JSON))
    body = json.loads(report)
    assert not ok
    assert set(body) == {"format", "version", "tool_version", "strict", "summary", "problems"}
    assert (body["format"], body["version"], body["strict"]) == ("dossiergen-check", 1, False)
    items = body["problems"]
    assert len(items) == len(_expected(ONGELDIG / "meerdere-problemen.yaml"))
    assert body["summary"] == {
        "dossiers": 1,
        "rejected": 1,
        "errors": sum(i["severity"] == "fout" for i in items),
        "warnings": sum(i["severity"] == "waarschuwing" for i in items),
    }
    for item in items:
        assert set(item) == {
            "rule",
            "severity",
            "file",
            "line",
            "column",
            "json_path",
            "message",
            "fingerprint",
        }
        assert isinstance(item["line"], int) and item["line"] >= 1
        assert isinstance(item["column"], int) and item["column"] >= 1
        assert item["severity"] in ("fout", "waarschuwing")
        assert item["file"] == str(path)
        assert item["json_path"].startswith("$")
        assert item["rule"].split(".")[0] in ("yaml", "schema", "regel", "privacy")
        assert len(item["fingerprint"]) == 64
    as_text = [
        f"{i['file']}:{i['line']}:{i['column']}: {i['severity']}: {i['message']} [{i['json_path']}]"
        for i in items
    ]
    # The same messages as the text output, with identifying numbers masked.
    from dossiergen.commands.ci_report import mask

    expected = _expected(ONGELDIG / "meerdere-problemen.yaml")
    assert as_text == [mask(line) for line in expected]


def test_json_output_of_a_valid_dossier_has_no_problems() -> None:
    clean = next(p for p in GELDIG if p.stem not in BEWUST)
    report, ok = run_check(_options(_relative(clean), output_format=OutputFormat.JSON))
    assert json.loads(report)["problems"] == []
    assert ok


# --- the command line -------------------------------------------------------------------------


def invoke(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def _assert_no_traceback(result: Result) -> None:
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output


def test_cli_exit_0_for_a_valid_dossier() -> None:
    result = invoke("check", "--peildatum", PEILDATUM, "tests/dossiers/geldig/minimaal-week-1.yaml")
    _assert_no_traceback(result)
    assert result.exit_code == 0
    assert "0 afgekeurd" in result.output


def test_cli_exit_1_for_an_invalid_dossier() -> None:
    result = invoke("check", "--peildatum", PEILDATUM, "tests/dossiers/ongeldig/bsn-elfproef.yaml")
    _assert_no_traceback(result)
    assert result.exit_code == 1
    assert result.output.splitlines()[:-1] == _expected(ONGELDIG / "bsn-elfproef.yaml")


def test_cli_exit_2_for_a_path_that_does_not_exist() -> None:
    result = invoke("check", "--peildatum", PEILDATUM, "dossiers/bestaat-niet.yaml", "ook-niet/")
    _assert_no_traceback(result)
    assert result.exit_code == 2
    assert "bestaat niet" in result.output
    assert "dossiers/bestaat-niet.yaml" in result.output
    assert "ook-niet" in result.output


@pytest.mark.parametrize("peildatum", ["2026-13-45", "25-11-2026", "morgen"])
def test_cli_exit_2_for_a_bad_peildatum(peildatum: str) -> None:
    result = invoke("check", "--peildatum", peildatum, "dossiers")
    _assert_no_traceback(result)
    assert result.exit_code == 2
    assert f"--peildatum '{peildatum}' is geen datum" in result.output


USAGE_ERRORS = [
    pytest.param(["check", "--onbekend", "dossiers"], "onbekende optie --onbekend", id="optie"),
    pytest.param(["check", "-x"], "onbekende optie -x", id="korte-optie"),
    pytest.param(
        ["check", "--formaat", "json"],
        "onbekende optie --formaat; bedoelde u --format?",
        id="optie-met-suggestie",
    ),
    pytest.param(["check", "--format", "xml"], "ongeldige waarde voor --format", id="keuze"),
    pytest.param(
        ["check", "--peildatum"], "--peildatum heeft een waarde nodig", id="zonder-waarde"
    ),
    pytest.param(["chek"], "onbekende opdracht 'chek'", id="opdracht"),
]


@pytest.mark.parametrize(("args", "dutch"), USAGE_ERRORS)
def test_cli_usage_errors_exit_2_in_dutch(args: list[str], dutch: str) -> None:
    result = CliRunner().invoke(main, args, prog_name="dossiergen")
    _assert_no_traceback(result)
    assert result.exit_code == 2
    assert dutch in result.output
    for english in (
        "No such",
        "Did you mean",
        "Invalid value",
        "is not one of",
        "requires an argument",
        "Try '",
        "Usage:",
        "Error:",
    ):
        assert english not in result.output, result.output


def test_cli_strict_turns_a_warning_only_dossier_into_exit_1() -> None:
    path = "tests/dossiers/ongeldig/zes-taakclusters.yaml"
    lenient = invoke("check", "--peildatum", PEILDATUM, path)
    strict = invoke("check", "--strict", "--peildatum", PEILDATUM, path)
    _assert_no_traceback(strict)
    assert lenient.exit_code == 0
    assert strict.exit_code == 1
    assert lenient.output.splitlines()[:-1] == strict.output.splitlines()[:-1]
    assert "waarschuwing:" in strict.output
    assert "(--strict: waarschuwingen tellen als fout)" in strict.output
    assert "1 afgekeurd" in strict.output
    assert "0 afgekeurd" in lenient.output


def test_cli_json_format() -> None:
    path = "tests/dossiers/ongeldig/meerdere-problemen.yaml"
    result = invoke("check", "--format", "json", "--peildatum", PEILDATUM, path)
    assert result.exit_code == 1
    items = json.loads(result.stdout)["problems"]
    assert {tuple(sorted(item)) for item in items} == {
        ("column", "file", "fingerprint", "json_path", "line", "message", "rule", "severity")
    }


def test_cli_help_works_and_is_dutch() -> None:
    top = invoke("--help")
    check = invoke("check", "--help")
    assert top.exit_code == 0 and check.exit_code == 0
    assert "controleren en omzetten naar Word" in " ".join(top.output.split())
    text = " ".join(check.output.split())
    assert "Controleer dossiers" in text
    assert "Waarschuwingen tellen als fout" in text
    assert "Datum waarop termijnen worden beoordeeld" in text


def test_cli_help_has_no_english_boilerplate() -> None:
    for args in (["--help"], ["check", "--help"]):
        output = invoke(*args).output
        for english in ("Usage:", "Options:", "Show this message", "Show the version", "default:"):
            assert english not in output, f"{args}: {english!r}"


def test_cli_finds_yaml_files_in_folders_recursively(tmp_path: Path) -> None:
    source = (ONGELDIG / "bsn-elfproef.yaml").read_text(encoding="utf-8")
    (tmp_path / "a" / "b").mkdir(parents=True)
    deep = tmp_path / "a" / "b" / "diep.yaml"
    short = tmp_path / "kort.yml"
    deep.write_text(source, encoding="utf-8")
    short.write_text(source, encoding="utf-8")
    (tmp_path / "a" / "notities.txt").write_text("geen dossier: [", encoding="utf-8")
    result = invoke("check", "--peildatum", PEILDATUM, str(tmp_path))
    _assert_no_traceback(result)
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[-1] == "2 dossiers gecontroleerd: 2 afgekeurd, 2 fouten, 0 waarschuwingen"
    paths = {_severity_and_path(line)[1] for line in lines[:-1]}
    assert paths == {str(deep), str(short)}


def test_cli_reports_all_problems_of_all_files_at_once() -> None:
    result = invoke("check", "--peildatum", PEILDATUM, "tests/dossiers/ongeldig")
    _assert_no_traceback(result)
    assert result.exit_code == 1
    lines = result.output.splitlines()
    files = sorted(ONGELDIG.glob("*.yaml"))
    assert lines[-1].startswith(f"{len(files)} dossiers gecontroleerd: ")
    # Every file's problems, in file order, exactly as when each file is checked on its own.
    one_by_one = []
    for path in files:
        report, _ = run_check(_options(_relative(path)))
        one_by_one.extend(_problem_lines(report))
    assert lines[:-1] == one_by_one
    for path in files:
        if path.stem not in XFAIL:
            for expected in _expected(path):
                assert expected in lines
    shown = {_severity_and_path(line)[1] for line in lines[:-1]}
    assert shown >= {str(_relative(p)) for p in files if p.stem not in XFAIL}


# --- hostile files through the whole check ----------------------------------------------------


def _alias_bomb() -> bytes:
    text = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    previous = "a"
    for name in "bcdefghij":
        text += f"{name}: &{name} [" + ",".join([f"*{previous}"] * 9) + "]\n"
        previous = name
    return text.encode()


_MINIMAL = (ROOT / "tests" / "dossiers" / "geldig" / "minimaal-week-1.yaml").read_text("utf-8")

HOSTILE = {
    "leeg": (b"", "bestand is leeg"),
    "alleen-commentaar": (b"# nog niets\n\n", "bestand is leeg"),
    "lijst": (b"- schema_version: 1\n- werknemer: {}\n", "het dossier is een lijst"),
    "binair": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binair bestand"),
    "te-groot": (b"a: " + b"x" * (MAX_FILE_BYTES + 10) + b"\n", "te groot"),
    "aliasbom": (_alias_bomb(), "ankers"),
    "diep-genest": (b"a: " + b"[" * 5000 + b"]" * 5000 + b"\n", "te diep genest"),
    "meerdere-documenten": (
        (_MINIMAL + "---\n" + _MINIMAL + "...\n---\n" + _MINIMAL).encode(),
        "meer dan één YAML-document",
    ),
    "latin-1": (_MINIMAL.replace("Jansen", "Jansén").encode("latin-1"), "geen UTF-8"),
    "utf-16": (_MINIMAL.encode("utf-16"), "UTF-16"),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_file_gives_exactly_one_dutch_problem(tmp_path: Path, name: str) -> None:
    raw, words = HOSTILE[name]
    path = tmp_path / f"{name}.yaml"
    path.write_bytes(raw)
    result = invoke("check", "--peildatum", PEILDATUM, str(path))
    _assert_no_traceback(result)
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[-1] == "1 dossier gecontroleerd: 1 afgekeurd, 1 fout, 0 waarschuwingen"
    [problem] = lines[:-1]
    match = PROBLEM_LINE.match(problem)
    assert match, problem
    assert match["path"] == str(path)
    assert match["severity"] == "fout"
    assert words in problem
    assert not any(english in problem for english in ENGLISH), problem


def test_escaped_control_character_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "ontsnapt.yaml"
    path.write_text(_MINIMAL.replace("naam: Jansen", 'naam: "Jan\\x08sen"'), encoding="utf-8")
    result = check_file(path, _schemas(), date(2026, 11, 25))
    [problem] = result.problems
    assert problem.severity is Severity.FOUT
    assert "besturingsteken U+0008" in problem.message
    assert (problem.line, problem.column) == (7, 9)


# --- property test: a mutated valid dossier never breaks the check ----------------------------

_SCHEMAS: list[Any] = []


def _schemas() -> Any:
    if not _SCHEMAS:
        _SCHEMAS.append(load_schemas(default_resources().schemas_dir))
    return _SCHEMAS[0]


_SEEDS = [
    ROOT / "tests" / "dossiers" / "geldig" / name
    for name in ("ziek-uit-dienst.yaml", "zwangerschapsverlof.yaml", "vrijwillige-verlenging.yaml")
] + [ROOT / "dossiers" / "de-vries-spoor1-aangepast-werk.yaml"]
_SEED_TEXT = {path: path.read_text(encoding="utf-8") for path in _SEEDS}


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.width = 4096
    return yaml


def _walk(node: Any) -> Iterator[tuple[Any, Any, Any]]:
    """Every (container, key, value) in a round-trip document."""
    if isinstance(node, CommentedMap):
        for key, value in node.items():
            yield node, key, value
            yield from _walk(value)
    elif isinstance(node, CommentedSeq):
        for index, value in enumerate(node):
            yield node, index, value
            yield from _walk(value)


_odd_values = st.one_of(
    st.integers(min_value=-(10**12), max_value=10**12),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.none(),
    st.just(""),
    st.just(" "),
    st.text(max_size=40),
    st.text(alphabet=st.characters(max_codepoint=0x9F, categories=["Cc"]), min_size=1, max_size=5),
    st.sampled_from(
        [
            "*|#<{{",
            "{{ werknemer.bsn }}",
            "{% for x in y %}",
            "<script>alert(1)</script>",
            "**vet** _schuin_ [link](http://x)",
            "2026-13-45",
            "2026-02-30",
            "05-01-2026",
            "-1",
            "0x1F",
            ".inf",
            "~",
            "hernia",
            "Burn-out na de chemo",
            "x" * 20_000,
            "regel\n" * 2000,
        ]
    ),
    st.lists(st.integers(-5, 5), max_size=3),
    st.dictionaries(st.sampled_from(["a", "datum", "naam", "id"]), st.integers(), max_size=2),
)
_keys = st.one_of(
    st.sampled_from(["onbekend", "datum", "naam", "beperkingn", "toelichting", "Werknemer"]),
    st.text(alphabet="abcdefghijklmnopqrstuvwxyz_", min_size=1, max_size=15),
    st.integers(min_value=-3, max_value=2030),
    st.booleans(),
)


def _mutate(data: Any, draw: Any) -> str:
    spots = list(_walk(data))
    kind = draw(st.sampled_from(["vervang", "vervang", "vervang", "verwijder", "voeg_toe"]))
    if kind == "vervang":
        scalars = [s for s in spots if not isinstance(s[2], CommentedMap | CommentedSeq)]
        container, key, _ = draw(st.sampled_from(scalars))
        container[key] = draw(_odd_values)
        return f"vervang {key!r}"
    maps = [data] + [s[2] for s in spots if isinstance(s[2], CommentedMap)]
    target = draw(st.sampled_from(maps))
    if kind == "verwijder" and target:
        key = draw(st.sampled_from(list(target)))
        del target[key]
        return f"verwijder {key!r}"
    key = draw(_keys)
    target[key] = draw(_odd_values)
    return f"voeg toe {key!r}"


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@pytest.mark.fuzz
@given(st.data())
def test_mutated_dossier_never_breaks_the_check(data: st.DataObject) -> None:
    seed = data.draw(st.sampled_from(_SEEDS), label="dossier")
    yaml = _yaml()
    document = yaml.load(_SEED_TEXT[seed])
    for _ in range(data.draw(st.integers(min_value=1, max_value=3), label="aantal")):
        note(_mutate(document, data.draw))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "gemuteerd.yaml"
        with path.open("w", encoding="utf-8") as handle:
            yaml.dump(document, handle)
        result = check_file(path, _schemas(), date(2026, 11, 25))
    for problem in result.problems:
        assert problem.line >= 1 and problem.column >= 1, problem
        assert problem.message.strip(), problem
        assert problem.json_path.startswith("$"), problem
        assert not any(english in problem.message for english in ENGLISH), problem.message
    if result.dossier is None:
        assert result.problems, "een bestand dat niet gelezen kon worden, heeft een melding"


def test_domain_error_becomes_a_located_problem(monkeypatch: pytest.MonkeyPatch) -> None:
    """Domain code that cannot compute with a value names it; the check places the message."""
    import dossiergen.rules as rules
    from dossiergen.dossier.load import load_dossier
    from dossiergen.errors import DomainError

    def refuses(data: Any, peildatum: date) -> Any:
        raise DomainError("kan hier niet mee rekenen", ("verzuim", "eerste_ziektedag"))
        yield  # a generator, like every rule

    monkeypatch.setattr(rules, "RULES", (refuses,))
    path = GELDIG[0]
    dossier = load_dossier(path, "d.yaml")
    problems = rules.apply_rules(dossier, date.fromisoformat(PEILDATUM))
    located = [p for p in problems if p.message == "kan hier niet mee rekenen"]
    assert len(located) == 1
    line = next(
        n
        for n, text in enumerate(path.read_text().splitlines(), 1)
        if text.strip().startswith("eerste_ziektedag:")
    )
    assert (located[0].line, located[0].json_path) == (line, "$.verzuim.eerste_ziektedag")
    assert located[0].severity.value == "fout"


def test_placeholders_of_a_new_dossier_are_warnings_at_their_place(tmp_path: Path) -> None:
    """A draft from ``dossiergen nieuw`` validates, but every ``INVULLEN`` left is pointed out."""
    from dossiergen.dossier.load import load_dossier
    from dossiergen.rules import apply_rules

    path = tmp_path / "concept.yaml"
    text = GELDIG[0].read_text(encoding="utf-8")
    text = re.sub(r"(?m)^(\s*naam:).*$", r"\1 INVULLEN", text, count=1)
    path.write_text(text, encoding="utf-8")
    problems = apply_rules(load_dossier(path, "concept.yaml"), date.fromisoformat(PEILDATUM))
    placeholders = [p for p in problems if "INVULLEN" in p.message]
    assert len(placeholders) == 1
    line = next(n for n, t in enumerate(text.splitlines(), 1) if "INVULLEN" in t)
    assert placeholders[0].line == line
    assert placeholders[0].severity.value == "waarschuwing"
