"""Offline, voice-driven question-and-answer assistant.

The pure core (content, matching, conversation) never touches audio, files at
run time beyond loading, clocks or the network; engines live behind small
interfaces in ``speech_in``, ``speech_out``, ``audio`` and ``devices``.
"""

__version__ = "0.1.0"
