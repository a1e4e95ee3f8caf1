import sys

from voice.cli import starting

starting.guard()  # a Ctrl-C while the commands import: one line (starting.py)
try:
    from voice.cli.main import main
except KeyboardInterrupt:  # pressed before the guard was up: one line, as later (cli/main.py)
    print("voice: stopped.", file=sys.stderr)
    raise SystemExit(130) from None

raise SystemExit(main())
