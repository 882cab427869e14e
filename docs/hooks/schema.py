"""MkDocs hook: publish the corpus record's JSON Schema at its ``$id``.

The schema's ``$id`` is ``<site_url>schema/corpus-v2.schema.json``; this hook
adds the file shipped in the package to the site under ``schema/``, so that
the one file in ``src/vnsg_corpus/schema/`` is both shipped and published.
"""

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

_SCHEMAS = Path(__file__).resolve().parents[2] / "src" / "vnsg_corpus" / "schema"


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Add every ``*.schema.json`` of the package to the site, under ``schema/``."""
    for path in sorted(_SCHEMAS.glob("*.schema.json")):
        files.append(File.generated(config, f"schema/{path.name}", abs_src_path=str(path)))
    return files
