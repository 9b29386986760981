"""Pure rule modules: the algorithms the components apply, with no spaCy pipeline state."""
