"""Services around the assistant: the Wyoming service for other devices, the
caregiver's web page, the question log, and picking up changes made while it runs."""
