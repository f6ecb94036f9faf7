"""``python -m backpain``: the command line (see :mod:`backpain.cli`)."""

import sys

from .cli import main

sys.exit(main())
