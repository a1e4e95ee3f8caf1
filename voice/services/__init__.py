"""Network services that let other devices use the assistant."""
