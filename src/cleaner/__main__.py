"""`python -m cleaner`: the same as the `cleaner` command."""

import sys

from cleaner.cli import main

# The guard matters: worker processes started with "spawn" import this module again.
if __name__ == "__main__":
    sys.exit(main())
