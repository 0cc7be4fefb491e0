"""`python -m mkdocs_closer`: the `closer` command."""

import sys

from mkdocs_closer.cli import main

sys.exit(main())
