"""Print the corpus record's JSON Schema, as the shipped file holds it.

Usage: ``python -m vnsg_corpus.schema > src/vnsg_corpus/schema/corpus-v3.schema.json``
"""

import sys

from vnsg_corpus.schema import schema_text

sys.stdout.write(schema_text())
