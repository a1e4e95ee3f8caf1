"""Vosk (Kaldi) with a model folder from ``voice models download``. The
``vosk`` import stays inside ``engine``."""
