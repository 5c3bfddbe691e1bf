"""``python -m dossiergen``: the same command line as ``dossiergen``."""

from dossiergen.cli import main

main(prog_name="dossiergen")
