"""A practice repository: its configuration (``dossiergen.toml``), and what ``init``,
``nieuw``, ``huisstijl`` and ``schemas`` make in it."""
