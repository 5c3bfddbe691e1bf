"""The command line: click only. Options become a typed dataclass, one command runs, and a
``DossierError`` becomes a Dutch message and an exit code (0 ok, 1 invalid or failed, 2 usage).
"""

from dossiergen.cli.main import main

__all__ = ["main"]
