"""The Wyoming service (``voice serve``): the assistant for Home Assistant,
Rhasspy and other Wyoming clients. See docs/home-assistant.md."""
