import sys

from mlops_maturity.cli import main

sys.exit(main())
