"""``build --shard I/N``: every dossier in exactly one part, by its kenmerk."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import EXAMPLES

from dossiergen.builder.shard import Shard, case_key
from dossiergen.cli import main
from dossiergen.errors import UsageError


def _copies(folder: Path, count: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(count):
        text = EXAMPLES[index % len(EXAMPLES)].read_text(encoding="utf-8")
        kenmerk = text.split("kenmerk:", 1)[1].split("\n", 1)[0].strip()
        path = folder / f"kopie-{index:02d}.yaml"
        path.write_text(text.replace(kenmerk, f"AD-TEST-{index:03d}", 1), encoding="utf-8")
        paths.append(path)
    return paths


@pytest.mark.parametrize(
    ("text", "message"),
    [("x", "schrijf deel/aantal"), ("0/3", "tussen 1 en 3"), ("4/3", "tussen 1 en 3")],
)
def test_a_wrong_shard_is_a_usage_error(text: str, message: str) -> None:
    with pytest.raises(UsageError, match=message):
        Shard.parse(text)


def test_every_dossier_is_in_exactly_one_part_and_stays_there(tmp_path: Path) -> None:
    paths = _copies(tmp_path / "d", 40)
    parts = [Shard(i, 4) for i in range(1, 5)]
    owners = {path: [p for p in parts if p.holds(path)] for path in paths}
    assert all(len(found) == 1 for found in owners.values())
    assert all(sum(1 for f in owners.values() if f == [p]) >= 4 for p in parts)  # spread
    renamed = paths[0].with_name("andere-naam.yaml")
    paths[0].rename(renamed)
    assert [p for p in parts if p.holds(renamed)] == owners[paths[0]]  # by kenmerk, not name
    assert case_key(renamed) == "kenmerk:AD-TEST-000"


def test_a_dossier_without_kenmerk_goes_by_its_name(tmp_path: Path) -> None:
    broken = tmp_path / "kapot.yaml"
    broken.write_text("zaak: [\n", encoding="utf-8")
    assert case_key(broken) == "bestand:kapot.yaml"
    nested = tmp_path / "ander.yaml"
    nested.write_text("andere:\n  zaak:\n    kenmerk: X\nzaak:\n  naam: Y\n", encoding="utf-8")
    assert case_key(nested) == "bestand:ander.yaml"


def test_parts_built_into_one_folder_together_make_the_whole_build(tmp_path: Path) -> None:
    folder = tmp_path / "dossiers"
    paths = _copies(folder, 9)
    out = tmp_path / "build"
    runner = CliRunner()
    summaries = []
    for index in (1, 2, 3):
        result = runner.invoke(
            main,
            ["build", str(folder), "-o", str(out), "--shard", f"{index}/3", "--prune", "-q",
             "-d", "rapport", "--peildatum", "2026-11-25"],
        )  # fmt: skip
        assert result.exit_code == 0, result.output
        assert "verwijderd" not in result.output  # another part's documents are no orphans
        summaries.append(result.output.strip().splitlines()[-1])
    assert {p.parent.name for p in out.rglob("rapport.docx")} == {p.stem for p in paths}
    assert all(f"deel {i}/3:" in line for i, line in zip((1, 2, 3), summaries, strict=True))
    shutil.rmtree(out)


def test_the_readme_shows_sharding_for_gitlab_and_github() -> None:
    import re

    from ruamel.yaml import YAML

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    found = [
        YAML(typ="safe").load(body)
        for body in re.findall(r"^```yaml\n(.*?)^```", readme, re.S | re.M)
        if "--shard" in body
    ]
    gitlab = next(block["documenten"] for block in found if "documenten" in block)
    github = next(block["jobs"]["documenten"] for block in found if "jobs" in block)
    assert gitlab["parallel"] == 4
    assert any('--shard "$CI_NODE_INDEX/$CI_NODE_TOTAL"' in line for line in gitlab["script"])
    assert gitlab["artifacts"]["paths"] == ["build/deel-$CI_NODE_INDEX/"]
    parts = github["strategy"]["matrix"]["deel"]
    assert parts == [1, 2, 3, 4]
    runs = [step.get("run", "") for step in github["steps"]]
    assert any(f"--shard ${{{{ matrix.deel }}}}/{len(parts)}" in run for run in runs)
    uploads = [step for step in github["steps"] if "upload-artifact" in step.get("uses", "")]
    assert uploads[0]["with"]["path"] == "build/deel-${{ matrix.deel }}/"
