"""The rules' organisations on every corpus release, for training the recogniser on them as
features (``iom_nlp/rules/evidence.py``).

The default pipeline's base model and rules run on each release's text, without the trained
recogniser (what the rules give it at run time); the organisation mentions' character offsets
and sources are written per text (keyed by the text's sha1) to ``corpus/evidence.json``, which
``code.py``'s ``iom_org_evidence_lookup`` component puts on the Docs ``spacy train`` makes.

    python training/evidence.py [--corpus training/corpus]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from spacy.tokens import DocBin

import iom_nlp
from iom_nlp.spans import ORG_MODEL, ORGANIZATIONS

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from annotate import sha1  # noqa: E402  (the key build_corpus checks texts by)

EVIDENCE = "iom_org_evidence"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=HERE / "corpus")
    parser.add_argument("--rules-only", action="store_true", help="no base model (as iom_nlp.load(base=None))")
    args = parser.parse_args()
    nlp = iom_nlp.load(base=None) if args.rules_only else iom_nlp.load()
    for name in (ORG_MODEL, EVIDENCE):
        if name in nlp.pipe_names:
            nlp.remove_pipe(name)
    texts: dict[str, str] = {}
    for path in sorted(args.corpus.glob("*.spacy")):
        for doc in DocBin().from_disk(path).get_docs(nlp.vocab):
            texts.setdefault(sha1(doc.text), doc.text)
    out: dict[str, list[tuple[int, int, str]]] = {}
    for key, doc in zip(texts, nlp.pipe(texts.values(), batch_size=16), strict=True):
        group = doc.spans.get(ORGANIZATIONS, [])
        sources = group.attrs.get("sources", []) if len(group) else []
        out[key] = [(span.start_char, span.end_char, str(sources[i])) for i, span in enumerate(group)]
    (args.corpus / "evidence.json").write_text(json.dumps(out), encoding="utf-8")
    print(f"{len(out)} texts, {sum(len(v) for v in out.values())} rule mentions -> {args.corpus / 'evidence.json'}")


if __name__ == "__main__":
    main()
