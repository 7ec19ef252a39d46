import sys

from babelwire.worker.cli import main

sys.exit(main())
