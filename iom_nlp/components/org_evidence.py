"""The ``iom_org_evidence`` component: the rules' organisations, for the trained recogniser to read.

The recogniser (``iom_org_model``, spaCy's spancat) was trained with the rules' own
organisations as token features (:mod:`iom_nlp.rules.evidence`), so it learns from annotated
releases when a rule's guess is right. This component puts them on the Doc, in
``doc.spans["iom_org_rules"]`` with ``attrs["sources"]``, just before the recogniser runs; the
rules are ``iom_organizations``' own (one gazetteer, one set of rules), run without the model.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, SpanGroup

from ..spans import ORGANIZATIONS
from .base import IomComponent, MissingComponentError
from .org_model import RULE_SPANS
from .organizations import OrganizationRecognizer


class OrganizationEvidence(IomComponent):
    """Writes ``iom_organizations``' rules-only result under ``iom_org_rules``; it has no data
    of its own, and fails as every iom_nlp component does (an empty group, the error to the
    error handler; see :class:`IomComponent`)."""

    def __init__(self, nlp: Language, name: str, organizations: str) -> None:
        super().__init__(nlp, name, data={})
        self.organizations = organizations

    def _recognizer(self) -> OrganizationRecognizer:
        if self.organizations not in self.nlp.component_names:
            raise MissingComponentError(
                f"{self.name!r} runs the rules of the {self.organizations!r} component, which this pipeline lacks: "
                "add iom_organizations (iom_nlp.pipeline.add_components), or use iom_nlp.load()."
            )
        component = self.nlp.get_pipe(self.organizations)
        if not isinstance(component, OrganizationRecognizer):
            raise MissingComponentError(f"{self.organizations!r} is not an iom_organizations component: {type(component).__name__}")
        return component

    def annotate(self, doc: Doc) -> None:
        found = self._recognizer().rules_alone(doc)
        doc.spans[RULE_SPANS] = SpanGroup(doc, name=RULE_SPANS, spans=list(found), attrs={"sources": list(found.attrs.get("sources", []))})

    def clear(self, doc: Doc) -> None:
        doc.spans[RULE_SPANS] = SpanGroup(doc, name=RULE_SPANS, spans=[], attrs={"sources": []})


@Language.factory(
    "iom_org_evidence",
    default_config={"organizations": ORGANIZATIONS},
    requires=["doc._.iom_structure", "doc._.iom_countries"],
    assigns=["doc.spans"],
)
def make_organization_evidence(nlp: Language, name: str, organizations: str) -> OrganizationEvidence:
    """Factory: ``organizations`` names the ``iom_organizations`` component whose rules run."""
    return OrganizationEvidence(nlp, name, organizations)
