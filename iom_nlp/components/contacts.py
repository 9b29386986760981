"""The ``iom_contacts`` component: press contacts into ``doc._.iom_contacts`` (a list of dicts)."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from ..extensions import record_error, register_extensions
from ..rules.contacts import ContactRecord, ContactSettings, Found, find_contacts
from ..rules.speakers import find_full_name
from .emails import SPAN_KEY as EMAIL_KEY
from .phones import SPAN_KEY as PHONE_KEY

CONTACT_BLOCK_KEY = "iom_contact_block"


class ContactRecognizer:
    """Groups the phones and emails found by ``iom_phones``/``iom_emails`` under people's names.

    Must run after both. Each contact is a dict of primitives: name, organization, phones
    (E.164), emails, and the name's offsets.
    """

    def __init__(
        self,
        name: str = "iom_contacts",
        *,
        cue_pattern: str = r"\bcontacts?\b",
        zone_chars: int = 600,
        not_name_words: Sequence[str] = (),
        honorifics: Sequence[str] = (),
    ) -> None:
        register_extensions()
        self.name = name
        self.settings = ContactSettings(
            cue_pattern=cue_pattern,
            zone_chars=zone_chars,
            not_name_words=frozenset(not_name_words),
            honorifics=tuple(honorifics),
        )

    def __call__(self, doc: Doc) -> Doc:
        contacts: list[dict[str, Any]] = []
        try:
            records = self._find(doc)
            contacts = [_as_dict(record) for record in records]
            if records:
                doc.user_data[CONTACT_BLOCK_KEY] = _block(doc._.iom_text, records)
        except Exception as error:  # one release's failure must not lose the batch
            logging.getLogger(__name__).warning("iom_contacts failed on a document: %s", error)
            record_error(doc, self.name, error)
        doc._.iom_contacts = contacts
        return doc

    def _find(self, doc: Doc) -> list[ContactRecord]:
        found = [Found(span.start_char, span.end_char, span.kb_id_, "phone") for span in doc.spans.get(PHONE_KEY, [])]
        found += [Found(span.start_char, span.end_char, span.kb_id_, "email") for span in doc.spans.get(EMAIL_KEY, [])]
        found.sort(key=lambda item: item.start)
        text = doc._.iom_text

        def complete(surname: str) -> str:
            return find_full_name(text, surname, [], self._could_be_first_name) or surname

        return find_contacts(text, found, self.settings, complete)

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
    }


@Language.factory(
    "iom_contacts",
    requires=["doc.spans"],
    default_config={"cue_pattern": r"\bcontacts?\b", "zone_chars": 600, "not_name_words": [], "honorifics": []},
)
def make_contact_recognizer(
    nlp: Language, name: str, cue_pattern: str, zone_chars: int, not_name_words: list[str], honorifics: list[str]
) -> ContactRecognizer:
    """Factory: the cues and word lists come from the config (``models/contacts.json`` in :func:`iom_nlp.load`)."""
    return ContactRecognizer(name, cue_pattern=cue_pattern, zone_chars=zone_chars, not_name_words=not_name_words, honorifics=honorifics)
