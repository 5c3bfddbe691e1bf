"""``dossiergen huisstijl``: read a house-style document with python-docx and say what is missing.

Two kinds of finding: what stops documents from being made (a style the writer needs, a file
that is no Word document: ``fout``) and what makes them look less than the practice intends
(no bureau name or logo in the header, no page numbers: ``let op``). The writer's own loader
reads the document too, so "in orde" here means a build will accept it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dossiergen.docx.housestyle import REQUIRED_PARAGRAPH_STYLES, REQUIRED_TABLE_STYLES, HouseStyle
from dossiergen.errors import HouseStyleError

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_PICTURE = "{http://schemas.openxmlformats.org/drawingml/2006/picture}pic"


@dataclass(frozen=True)
class Finding:
    """One thing missing from a house style; ``blocking`` when documents cannot be made."""

    blocking: bool
    message: str

    def as_text(self) -> str:
        return f"{'fout' if self.blocking else 'let op'}: {self.message}"


def check_house_style(path: Path) -> list[Finding]:
    """Everything missing from the house style at ``path`` (empty: in orde)."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    if not path.is_file():
        return [Finding(True, f"{path} bestaat niet")]
    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError, OSError) as e:
        return [Finding(True, f"{path} is geen Word-document (.docx) dat te lezen is: {e}")]
    except Exception as e:
        return [Finding(True, f"{path} is beschadigd: {e}")]
    findings = _styles(document)
    findings += _header_and_footer(document)
    try:
        HouseStyle.load(path)
    except HouseStyleError as e:
        if not any(f.blocking for f in findings):
            findings.append(Finding(True, str(e)))
    return findings


def _styles(document: Any) -> list[Finding]:
    present = {(style.type, (style.name or "").lower()) for style in document.styles}
    from docx.enum.style import WD_STYLE_TYPE

    missing = [
        Finding(True, f"alineastijl '{name}' ontbreekt")
        for name in REQUIRED_PARAGRAPH_STYLES
        if (WD_STYLE_TYPE.PARAGRAPH, name.lower()) not in present
    ]
    missing += [
        Finding(True, f"tabelstijl '{name}' ontbreekt")
        for name in REQUIRED_TABLE_STYLES
        if (WD_STYLE_TYPE.TABLE, name.lower()) not in present
    ]
    return missing


def _instructions(element: Any) -> str:
    """Every field instruction in ``element``, simple and complex, upper-cased."""
    simple = [f.get(_W + "instr", "") for f in element.iter(_W + "fldSimple")]
    complex_ = [t.text or "" for t in element.iter(_W + "instrText")]
    return " ".join(simple + complex_).upper()


def _header_and_footer(document: Any) -> list[Finding]:
    section = document.sections[0]
    header = section.header._element if not section.header.is_linked_to_previous else None
    footer = section.footer._element if not section.footer.is_linked_to_previous else None
    findings = []
    if header is None:
        return [Finding(False, "het document heeft geen koptekst (met logo en bureaunaam)")]
    fields = _instructions(header)
    if "COMPANY" not in fields:
        findings.append(
            Finding(
                False,
                "de kop toont de naam van het bureau niet: voeg het veld DocProperty Company toe "
                "(Invoegen > Snelonderdelen > Veld); dossiergen vult er de naam uit "
                "dossiergen.toml in",
            )
        )
    if not any(True for _ in header.iter(_PICTURE)):
        findings.append(Finding(False, "de kop heeft geen logo (een afbeelding)"))
    footer_fields = _instructions(footer) if footer is not None else ""
    if "PAGE" not in footer_fields:
        findings.append(Finding(False, "de voettekst heeft geen paginanummer (veld PAGE)"))
    if "TITLE" not in fields + footer_fields:
        findings.append(
            Finding(False, "kop en voet tonen de titel van het document niet (veld TITLE)")
        )
    return findings
