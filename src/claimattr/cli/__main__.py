"""``python -m claimattr.cli``: the ``claimattr`` command without its console script."""
from claimattr.cli.commands import main

main()
