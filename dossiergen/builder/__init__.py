"""Builds many dossiers: incremental by content hash (manifests), parallel workers, the dossier
versions printed in each colofon, and the optional PDF conversion through LibreOffice."""
