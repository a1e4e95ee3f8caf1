"""The caregiver's web page (``voice caregiver``): status, settings, content
and the question log, from a phone's browser. See docs/caregiver.md."""
