"""Building: incremental by content, parallel without collisions, reproducible, atomic."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import EXAMPLES, PEILDATUM

from dossiergen.builder.build import build_paths
from dossiergen.cli import main
from dossiergen.config import Resources, default_resources
from dossiergen.documents import DOCUMENTS
from dossiergen.documents.spec import DocumentSpec
from dossiergen.dossier.views import Audience


@pytest.fixture
def tree(tmp_path: Path) -> tuple[Path, Resources]:
    """A copy of the example dossiers and two small documents with their own includes."""
    dossiers = tmp_path / "dossiers"
    dossiers.mkdir()
    for example in EXAMPLES:
        shutil.copy(example, dossiers / example.name)
    templates = tmp_path / "templates"
    templates.mkdir()
    shutil.copy(default_resources().house_style, templates / "huisstijl.docx")
    (templates / "_a.md.j2").write_text("Deel A.\n", encoding="utf-8")
    (templates / "_b.md.j2").write_text("Deel B.\n", encoding="utf-8")
    (templates / "een.md.j2").write_text(
        '# Een\n\n{{ dossier.werknemer.naam }}\n\n{% include "_a.md.j2" %}\n', encoding="utf-8"
    )
    (templates / "twee.md.j2").write_text(
        '# Twee\n\n{{ dossier.werkgever.naam }}\n\n{% include "_b.md.j2" %}\n', encoding="utf-8"
    )
    return tmp_path, Resources(default_resources().schemas_dir, templates)


SPECS = [
    DocumentSpec("een", "Een", "een.md.j2", frozenset({Audience.WERKGEVER})),
    DocumentSpec("twee", "Twee", "twee.md.j2", frozenset({Audience.WERKGEVER})),
]


def build(root: Path, resources: Resources, jobs: int = 1) -> tuple[set[str], set[str]]:
    report = build_paths(
        [root / "dossiers"], root / "build", SPECS, resources, PEILDATUM, jobs=jobs
    )
    assert report.ok, report.failed
    relative = lambda paths: {str(p.relative_to(root / "build")) for p in paths}  # noqa: E731
    return relative(report.written), relative(report.up_to_date)


def test_unchanged_tree_rebuilds_nothing(tree: tuple[Path, Resources]) -> None:
    root, resources = tree
    written, _ = build(root, resources)
    assert len(written) == 2 * len(EXAMPLES)
    written, current = build(root, resources)
    assert written == set()
    assert len(current) == 2 * len(EXAMPLES)


def test_touching_one_dossier_rebuilds_only_its_documents(tree: tuple[Path, Resources]) -> None:
    root, resources = tree
    build(root, resources)
    dossier = root / "dossiers" / EXAMPLES[0].name
    dossier.write_text(dossier.read_text(encoding="utf-8") + "# een opmerking\n", encoding="utf-8")
    written, _ = build(root, resources)
    assert written == {f"{EXAMPLES[0].stem}/een.docx", f"{EXAMPLES[0].stem}/twee.docx"}


def test_mtime_alone_rebuilds_nothing(tree: tuple[Path, Resources]) -> None:
    root, resources = tree
    build(root, resources)
    for path in (root / "dossiers").iterdir():
        os.utime(path, (0, 0))  # a fresh git clone: new mtimes, same content
    written, _ = build(root, resources)
    assert written == set()


def test_touching_an_included_template_rebuilds_exactly_its_documents(
    tree: tuple[Path, Resources],
) -> None:
    root, resources = tree
    build(root, resources)
    (resources.templates_dir / "_b.md.j2").write_text("Deel B, herzien.\n", encoding="utf-8")
    from dossiergen.builder.manifest import template_digest

    template_digest.cache_clear()  # one process here; a real run starts fresh
    written, _ = build(root, resources)
    assert written == {f"{stem.stem}/twee.docx" for stem in EXAMPLES}


def test_touching_a_rapport_chapter_rebuilds_the_rapport_and_nothing_else(tmp_path: Path) -> None:
    """The rapport's chapters are files in templates/rapport/, included by literal name."""
    from dossiergen.builder.manifest import template_digest
    from dossiergen.documents import DOCUMENTS

    templates = tmp_path / "templates"
    shutil.copytree(default_resources().templates_dir, templates)
    resources = Resources(default_resources().schemas_dir, templates)
    specs = [DOCUMENTS["rapport"], DOCUMENTS["plan-van-aanpak"]]

    def build_real() -> set[str]:
        template_digest.cache_clear()  # one process here; a real run starts fresh
        report = build_paths(EXAMPLES, tmp_path / "build", specs, resources, PEILDATUM, jobs=1)
        assert report.ok, report.failed
        return {p.relative_to(tmp_path / "build").as_posix() for p in report.written}

    assert len(build_real()) == 2 * len(EXAMPLES)
    chapter = templates / "rapport" / "2-werkgever.md.j2"
    chapter.write_text(chapter.read_text(encoding="utf-8") + "{# herzien #}\n", encoding="utf-8")
    assert build_real() == {f"{example.stem}/rapport.docx" for example in EXAMPLES}
    assert build_real() == set()
    # Followed by name, not by folder: a template nothing includes changes nothing.
    (templates / "rapport" / "ongebruikt.md.j2").write_text("Los.\n", encoding="utf-8")
    assert build_real() == set()


def test_a_computed_template_name_depends_on_templates_in_subfolders(tmp_path: Path) -> None:
    from dossiergen.builder.manifest import template_digest

    (tmp_path / "hoofdstukken").mkdir()
    (tmp_path / "doc.md.j2").write_text("{% include naam %}\n", encoding="utf-8")
    chapter = tmp_path / "hoofdstukken" / "een.md.j2"
    chapter.write_text("Een.\n", encoding="utf-8")
    before = template_digest((tmp_path,), "doc.md.j2")
    chapter.write_text("Een, herzien.\n", encoding="utf-8")
    template_digest.cache_clear()
    assert template_digest((tmp_path,), "doc.md.j2") != before


def test_corrupt_or_missing_manifest_means_full_rebuild(tree: tuple[Path, Resources]) -> None:
    root, resources = tree
    build(root, resources)
    first = EXAMPLES[0].stem
    (root / "build" / first / ".dossiergen-manifest.json").write_text("{kapot", encoding="utf-8")
    (root / "build" / EXAMPLES[1].stem / ".dossiergen-manifest.json").unlink()
    written, _ = build(root, resources)
    assert written == {f"{s}/{d}.docx" for s in (first, EXAMPLES[1].stem) for d in ("een", "twee")}


def test_deleted_output_is_rebuilt(tree: tuple[Path, Resources]) -> None:
    root, resources = tree
    build(root, resources)
    (root / "build" / EXAMPLES[0].stem / "een.docx").unlink()
    written, _ = build(root, resources)
    assert written == {f"{EXAMPLES[0].stem}/een.docx"}


def test_parallel_build_gives_the_same_bytes_as_serial(tree: tuple[Path, Resources]) -> None:
    root, resources = tree
    build(root, resources, jobs=1)
    serial = {p.name + p.parent.name: p.read_bytes() for p in (root / "build").rglob("*.docx")}
    shutil.rmtree(root / "build")
    build(root, resources, jobs=2)
    parallel = {p.name + p.parent.name: p.read_bytes() for p in (root / "build").rglob("*.docx")}
    assert serial == parallel and serial


def test_building_twice_gives_identical_bytes(tree: tuple[Path, Resources]) -> None:
    root, resources = tree
    build(root, resources)
    first = {p: p.read_bytes() for p in (root / "build").rglob("*.docx")}
    shutil.rmtree(root / "build")
    build(root, resources)
    assert {p: p.read_bytes() for p in (root / "build").rglob("*.docx")} == first
    for data in first.values():
        from io import BytesIO

        with zipfile.ZipFile(BytesIO(data)) as package:
            assert {info.date_time for info in package.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_orphans_are_reported_and_pruned(tree: tuple[Path, Resources]) -> None:
    root, resources = tree
    build(root, resources)
    (root / "dossiers" / EXAMPLES[0].name).unlink()
    report = build_paths([root / "dossiers"], root / "build", SPECS, resources, PEILDATUM)
    assert {p.name for p in report.orphans} == {"een.docx", "twee.docx"}


def _kill_while_writing(script: Path) -> None:
    """Run ``script`` until it says it is writing ("schrijft"), then SIGKILL it."""
    process = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE)
    assert process.stdout is not None
    assert process.stdout.readline() == b"schrijft\n"
    process.kill()
    process.wait()


def test_a_killed_build_leaves_no_partial_file(tmp_path: Path) -> None:
    # Kill the process while it writes: the target is either absent or complete.
    script = tmp_path / "slow.py"
    target = tmp_path / "uit.docx"
    script.write_text(
        "import os, sys, time\n"
        "from pathlib import Path\n"
        "import dossiergen.files as f\n"
        "real_replace = os.replace\n"
        "def slow(a, b):\n"
        "    sys.stdout.write('schrijft\\n'); sys.stdout.flush(); time.sleep(30)\n"
        "    real_replace(a, b)\n"
        "f.os.replace = slow\n"
        f"f.write_atomic(Path({str(target)!r}), b'x' * 100000)\n",
        encoding="utf-8",
    )
    _kill_while_writing(script)
    assert not target.exists()
    leftovers = [p for p in tmp_path.iterdir() if p.name not in ("slow.py",)]
    # The temporary file may remain after SIGKILL, but never under the target's name.
    assert all(p.name.startswith(".uit.docx.") for p in leftovers)


def test_temporary_files_of_a_killed_build_are_removed_by_the_next(tmp_path: Path) -> None:
    out = tmp_path / "build"
    stem = EXAMPLES[0].stem
    script = tmp_path / "traag.py"
    script.write_text(
        textwrap.dedent(
            f"""
            import os, sys, time
            from pathlib import Path
            import dossiergen.files as f
            from dossiergen.builder.build import build_paths
            from dossiergen.config import default_resources
            from dossiergen.documents import DOCUMENTS
            from datetime import date

            def slow(a, b):
                sys.stdout.write("schrijft\\n"); sys.stdout.flush(); time.sleep(60)

            f.os.replace = slow
            build_paths([Path({str(EXAMPLES[0])!r})], Path({str(out)!r}),
                        [DOCUMENTS["rapport"]], default_resources(), date(2026, 11, 25))
            """
        ),
        encoding="utf-8",
    )
    _kill_while_writing(script)
    leftovers = [p for p in (out / stem).iterdir() if p.name.endswith(".tmp")]
    assert leftovers, "the killed build left its temporary file"
    own = out / stem / ".mijn-aantekening.x1y2z3w4.tmp"  # not a name dossiergen makes
    own.write_text("van de gebruiker", encoding="utf-8")
    assert build_paths(
        [EXAMPLES[0]], out, [DOCUMENTS["rapport"]], default_resources(), PEILDATUM
    ).ok
    assert not [p for p in leftovers if p.exists()]
    assert own.exists()


def test_dossier_file_stem_decides_the_folder_never_its_content(tmp_path: Path) -> None:
    dossier = tmp_path / "veilig.yaml"
    text = (
        EXAMPLES[0]
        .read_text(encoding="utf-8")
        .replace("kenmerk:", "kenmerk: ../../etc/passwd #", 1)
    )
    dossier.write_text(text, encoding="utf-8")
    out = tmp_path / "build"
    result = CliRunner().invoke(
        main,
        [
            "build",
            str(dossier),
            "-o",
            str(out),
            "--document",
            "rapport",
            "--peildatum",
            "2026-11-25",
            "--quiet",
        ],
    )
    assert result.exit_code == 0, result.output
    assert [p.relative_to(out).as_posix() for p in out.rglob("*.docx")] == ["veilig/rapport.docx"]


def test_build_cli_exit_codes(tmp_path: Path) -> None:
    runner = CliRunner()
    unknown = runner.invoke(main, ["build", "dossiers", "--document", "bestaat-niet"])
    assert unknown.exit_code == 2
    assert "onbekend document" in unknown.output
    minimal = Path("tests/dossiers/geldig/minimaal-week-1.yaml")
    asked = runner.invoke(
        main,
        ["build", str(minimal), "-o", str(tmp_path), "--document", "rapport", "--quiet"],
    )
    assert asked.exit_code == 1
    assert "niet van toepassing" in asked.output
    assert not list(tmp_path.rglob("*.docx"))


def test_fingerprint_covers_code_at_every_depth() -> None:
    """A fix in a subpackage's module must rebuild documents too."""
    from dossiergen.builder.manifest import _program_files

    package = Path(__file__).resolve().parents[1] / "dossiergen"
    found = {p.relative_to(package).as_posix() for p in _program_files(package)}
    nested = [name for name in found if "/" in name and name.endswith(".py")]
    assert "__init__.py" in found
    assert nested, "no module below the top level was hashed"
