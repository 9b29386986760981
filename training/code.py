"""Registers iom_nlp's suggester for ``spacy train --code training/code.py``."""

import iom_nlp.components.org_model  # noqa: F401
