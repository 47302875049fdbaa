"""`python -m desktop.bench` — see `desktop.bench.run`."""

import sys

from desktop.bench.run import main

if __name__ == "__main__":
    sys.exit(main())
