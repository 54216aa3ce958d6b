"""Tell an ML team how mature its MLOps is, what will hurt next, and what to do."""

__version__ = "0.1.0"
TOOL = "mlops-maturity"  # the command, and the name outputs and annotations sign with
