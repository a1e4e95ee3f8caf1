import sys

try:
    from voice.cli.main import main
except KeyboardInterrupt:  # Ctrl-C at the very start: one line, as later (cli/main.py)
    print("voice: stopped.", file=sys.stderr)
    raise SystemExit(130) from None

raise SystemExit(main())
