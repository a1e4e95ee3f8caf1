"""PocketSphinx: the bundled en-us model adapted to the content (corpus,
lexicon), to the user's voice (``voice adapt``: adaptation) and as it listens
(learning). The ``pocketsphinx`` import stays inside ``engine``."""
