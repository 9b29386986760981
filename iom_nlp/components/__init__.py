"""iom_nlp's spaCy pipeline components, one per module, each a registered factory."""

from .contacts import ContactRecognizer
from .countries import CountryRecognizer
from .emails import EmailRecognizer
from .language import LanguageDetector
from .org_evidence import OrganizationEvidence
from .organizations import OrganizationRecognizer
from .phones import PhoneRecognizer
from .quotes import QuoteRecognizer
from .sentencizer import ColumnSentencizer
from .structure import StructureRecognizer

__all__ = [
    "ColumnSentencizer",
    "ContactRecognizer",
    "CountryRecognizer",
    "EmailRecognizer",
    "LanguageDetector",
    "OrganizationEvidence",
    "OrganizationRecognizer",
    "PhoneRecognizer",
    "QuoteRecognizer",
    "StructureRecognizer",
]
