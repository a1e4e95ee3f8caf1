"""Services around the assistant: the caregiver's web page, the question log,
and picking up changes made while it runs."""
