"""iom_nlp's spaCy pipeline components, one per module, each a registered factory."""

from .countries import CountryRecognizer
from .emails import EmailRecognizer
from .phones import PhoneRecognizer

__all__ = ["CountryRecognizer", "EmailRecognizer", "PhoneRecognizer"]
