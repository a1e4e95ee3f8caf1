"""Helpers shared by the subcommands: settings from flags."""

from __future__ import annotations

import argparse
from typing import Any

from voice import config as config_mod
from voice.config import Config

#: argparse dest -> Config field, for flags that override settings.
FLAG_FIELDS = {
    "content": "content_dirs",
    "recognizer": "recognizer",
    "model": "model",
    "input_device": "input_device",
    "output_device": "output_device",
    "silence_timeout": "silence_timeout",
    "start_timeout": "start_timeout",
    "max_utterance": "max_utterance",
    "rate": "rate",
    "volume": "volume",
    "voice": "voice",
    "mode": "mode",
    "gpio": "button_pin",
    "led": "led_pin",
    "pwm_led": "pwm_led",
    "long_press": "long_press",
    "double_press": "double_press",
}


def config_from_args(args: argparse.Namespace) -> Config:
    overrides: dict[str, Any] = {}
    for dest, field_name in FLAG_FIELDS.items():
        value = getattr(args, dest, None)
        if value is not None:
            overrides[field_name] = value
    return config_mod.load(getattr(args, "config", None), overrides)
