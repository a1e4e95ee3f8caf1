"""Ending the ``voice`` process promptly, whatever the sound system does.

Quitting (``q``, "goodbye", Ctrl-C) must end the process within a second.
Two things could stop that. Speech still playing was waited for (a long
answer kept ``q`` waiting 13 s). And PortAudio's clean-up at exit
(``Pa_Terminate``, run by sounddevice's atexit handler) once waited for ever
on a stream thread, with Ctrl-C ignored: a signal only reaches Python code
when the main thread runs Python, never while it is blocked inside C.

So: speech is stopped first (``on_stop``); the exit handlers get at most
``GRACE`` seconds, then the process ends with ``os._exit``; and a watcher
thread sees every Ctrl-C through ``signal.set_wakeup_fd`` (written by the C
signal handler, whatever the main thread is doing) and ends the process
``INTERRUPT_GRACE`` seconds later if it has not ended by then.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import signal
import socket
import sys
import threading
import weakref
from collections.abc import Callable
from typing import NoReturn

#: Seconds the exit handlers (PortAudio, the speech child) get before the
#: process ends anyway. They take ~10 ms when nothing is stuck.
GRACE = 0.5

#: Seconds after a Ctrl-C by which the process has ended, stuck or not.
INTERRUPT_GRACE = 0.8

STOPPED = "voice: stopped."

#: Weak references: registering must not keep an assistant (and its speech
#: child process) alive after its command is done with it.
_stoppers: list[weakref.WeakMethod[Callable[[], None]]] = []


def on_stop(stop: Callable[[], None]) -> None:
    """Call the bound method ``stop`` (e.g. an assistant's stop_speaking) when
    the process ends, early or not, if its object still exists then."""
    _stoppers[:] = [ref for ref in _stoppers if ref() is not None]
    _stoppers.append(weakref.WeakMethod(stop))


def stop_all() -> None:
    for ref in list(_stoppers):
        stop = ref()
        if stop is not None:
            with contextlib.suppress(Exception):  # ending regardless: nothing to report to
                stop()


def _within(action: Callable[[], object], seconds: float) -> None:
    thread = threading.Thread(target=action, name="voice-exit", daemon=True)
    thread.start()
    thread.join(seconds)


def _flush() -> None:
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):  # a closed pipe: nothing more to say
            stream.flush()


def exit_now(code: int) -> NoReturn:
    """Stop speaking, give the exit handlers ``GRACE`` seconds, end the process."""
    _within(stop_all, GRACE)
    _within(atexit._run_exitfuncs, GRACE)
    _flush()
    os._exit(code)


def _force_exit() -> None:
    with contextlib.suppress(OSError):
        os.write(2, f"\n{STOPPED}\n".encode())
    os._exit(130)


def watch_interrupts() -> None:
    """Make Ctrl-C end the process within INTERRUPT_GRACE seconds, always.

    Must be called from the main thread. Python still raises
    KeyboardInterrupt as usual, and the normal way out (print, stop
    speaking, exit_now) is almost always quicker than the watcher.
    """
    reader, writer = socket.socketpair()
    writer.setblocking(False)
    signal.set_wakeup_fd(writer.fileno(), warn_on_full_buffer=False)

    def watch() -> None:
        while True:
            try:
                data = reader.recv(64)
            except OSError:
                return
            if not data:
                return
            if signal.SIGINT in data:
                timer = threading.Timer(INTERRUPT_GRACE, _force_exit)
                timer.daemon = True
                timer.start()

    threading.Thread(target=watch, name="voice-interrupts", daemon=True).start()
    # Kept open for the life of the process (the wakeup fd must stay valid).
    _keep.extend((reader, writer))


_keep: list[socket.socket] = []
