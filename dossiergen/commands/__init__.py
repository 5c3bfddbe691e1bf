"""What each command does: ``check``, ``build``, ``timeline``, ``agenda``.

The CLI parses options and calls exactly one ``run_*`` function here; each returns its report
and whether it succeeded, and raises ``DossierError`` for what the user must fix.
"""
