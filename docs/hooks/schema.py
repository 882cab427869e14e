"""MkDocs hook: publish the corpus record's JSON Schema at its ``$id``.

Each schema's ``$id`` is ``<site_url>schema/corpus-v<N>.schema.json``; this hook
adds the files shipped in the package (this version's and the earlier ones)
to the site under ``schema/``, so that each file in ``src/vnsg_corpus/schema/``
is both shipped and published.
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
