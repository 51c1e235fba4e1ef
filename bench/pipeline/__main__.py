"""``python -m bench.pipeline [options]``: the same as ``herald bench`` (run from the repository root)."""

import sys

from bench.pipeline.cli import main

sys.exit(main())
