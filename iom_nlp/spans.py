"""Where iom_nlp's components leave their results on a Doc: the ``doc.spans`` keys, in one place."""

from __future__ import annotations

from typing import Final

EMAILS: Final = "iom_emails"
# ``doc.user_data`` key of [start, end, address, source] per e-mail mention: the exact offsets, which a
# token-aligned span cannot hold when the address is glued to other text ("Email:a@x.org;b@x.org").
EMAIL_MENTIONS: Final = "iom_email_mentions"
PHONES: Final = "iom_phones"
COUNTRIES: Final = "iom_countries"
# Capitals: evidence for other components (phone regions, "IOM Kabul" offices), never countries.
PLACES: Final = "iom_places"
# ``doc.user_data`` key of {code: [short name, official name]} for the countries found, from the
# gazetteer of the ``iom_countries`` component that found them (its ``data_path``).
COUNTRY_NAMES: Final = "iom_country_names"
ORGANIZATIONS: Final = "iom_organizations"
# The trained recogniser's proposals (spaCy spancat), probabilities in ``attrs["scores"]``.
ORG_MODEL: Final = "iom_org_model"
QUOTES: Final = "iom_quotes"
# ``doc.user_data`` key of the contact block's [start, end] (not a span group).
CONTACT_BLOCK: Final = "iom_contact_block"
