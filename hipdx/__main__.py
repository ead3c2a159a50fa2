"""`python -m hipdx` runs the command-line interface."""

from hipdx.cli import main

main()
