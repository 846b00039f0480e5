"""``python -m cleantext``: the same as the ``cleantext`` command."""

import sys

try:
    from .cli import main
except KeyboardInterrupt:  # Ctrl-C while still importing: no traceback
    sys.stderr.write("cleantext: interrupted\n")
    raise SystemExit(130) from None

raise SystemExit(main())
