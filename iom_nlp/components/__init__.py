"""iom_nlp's spaCy pipeline components, one per module, each a registered factory."""

from .countries import CountryRecognizer
from .emails import EmailRecognizer
from .phones import PhoneRecognizer
from .quotes import QuoteRecognizer

__all__ = ["CountryRecognizer", "EmailRecognizer", "PhoneRecognizer", "QuoteRecognizer"]
