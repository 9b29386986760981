"""The ``iom_contacts`` component: press contacts into ``doc._.iom_contacts`` (a list of dicts)."""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from .. import spans as keys
from ..data import parse_json_object, settings_from_json
from ..rules.contacts import ContactRecord, ContactSettings, Found, find_contacts
from ..rules.speakers import find_full_name
from .base import IomComponent, iom_factory

EMAIL_KEY = keys.EMAILS
PHONE_KEY = keys.PHONES
CONTACT_BLOCK_KEY = keys.CONTACT_BLOCK
SETTINGS_FILE = "contacts.json"


class ContactRecognizer(IomComponent):
    """Groups the phones and emails found by ``iom_phones``/``iom_emails`` under people's names.

    Must run after both. Each contact is a dict of primitives: name, organization, phones
    (E.164), emails, and the name's offsets.
    """

    data_files = (SETTINGS_FILE,)

    def configure(self) -> None:
        raw = parse_json_object(self.data[SETTINGS_FILE], SETTINGS_FILE)
        self.settings, _ = settings_from_json(raw, ContactSettings, SETTINGS_FILE)

    def clear(self, doc: Doc) -> None:
        doc._.iom_contacts = []

    def annotate(self, doc: Doc) -> None:
        records = self._find(doc)
        if records:
            doc.user_data[CONTACT_BLOCK_KEY] = _block(doc._.iom_text, records)
        doc._.iom_contacts = [_as_dict(record) for record in records]

    def _find(self, doc: Doc) -> list[ContactRecord]:
        found = [Found(span.start_char, span.end_char, span.kb_id_, "phone") for span in doc.spans.get(PHONE_KEY, [])]
        found += [Found(span.start_char, span.end_char, span.kb_id_, "email") for span in doc.spans.get(EMAIL_KEY, [])]
        # With no numbers or addresses, ``find_contacts`` reads only a contact block the text
        # ends in (cut off after the name).
        found.sort(key=lambda item: item.start)
        text = doc._.iom_text

        def complete(surname: str) -> str:
            return find_full_name(text, surname, [], self._could_be_first_name) or surname

        # Countries and capitals read by ``iom_countries`` are places, never a contact's name.
        places = [(span.start_char, span.end_char) for key in (keys.COUNTRIES, keys.PLACES) for span in doc.spans.get(key, [])]
        return find_contacts(text, found, self.settings, complete, places)

    def _could_be_first_name(self, word: str) -> bool:
        bare = word.strip(".")
        return bare not in self.settings.honorifics and bare.title() not in self.settings.not_name_words and word[:1].isupper()


def _block(text: str, records: list[ContactRecord]) -> list[int]:
    """From the line of the first contact's name to the end of its last listed item."""
    start = text.rfind("\n", 0, min(record.start for record in records)) + 1
    end = max(record.items_end for record in records)
    return [start, max(end, start)]


def _as_dict(record: ContactRecord) -> dict[str, Any]:
    return {
        "name": record.name,
        "organization": record.organization,
        "phones": list(record.phones),
        "emails": list(record.emails),
        "start": record.start,
        "end": record.end,
        "source": record.source or None,
    }


@iom_factory(
    "iom_contacts",
    requires=["doc._.iom_countries", "doc._.iom_phones", "doc._.iom_emails"],
    assigns=["doc._.iom_contacts"],
)
def make_contact_recognizer(nlp: Language, name: str, data_path: str | None) -> ContactRecognizer:
    """Factory: settings from ``contacts.json`` in ``data_path`` (default: the packaged ``models/``).

    Must run after ``iom_phones`` and ``iom_emails``: it groups their spans under names.
    """
    return ContactRecognizer(nlp, name, data_path=data_path)
