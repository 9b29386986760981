"""A tokenizer wrapper that prepares text (hard wraps joined) without moving any offset."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import registry

from .extensions import PREPARED_TEXT_KEY, SOURCE_TEXT_KEY
from .textprep import prepare_text, replace_surrogates


class PreparedTokenizer:
    """Tokenizes :func:`prepare_text` of the input and keeps the input on the Doc.

    ``doc.text`` is the prepared text (same length as the input); ``doc._.iom_source_text`` is
    the caller's text, from which every mention's text is read.
    """

    def __init__(self, tokenizer: Tokenizer) -> None:
        self.tokenizer = tokenizer

    @property
    def vocab(self) -> Any:
        return self.tokenizer.vocab

    def __call__(self, text: str) -> Doc:
        # A lone surrogate is read as the replacement character it stands for (same length).
        text = replace_surrogates(text)
        prepared = prepare_text(text)
        doc: Doc = self.tokenizer(prepared)
        doc.user_data[PREPARED_TEXT_KEY] = prepared
        if prepared != text:
            doc.user_data[SOURCE_TEXT_KEY] = text
        return doc

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[Doc]:
        for text in texts:
            yield self(text)

    def to_disk(self, path: str | Path, **kwargs: Any) -> None:
        self.tokenizer.to_disk(path, **kwargs)

    def from_disk(self, path: str | Path, **kwargs: Any) -> PreparedTokenizer:
        self.tokenizer.from_disk(path, **kwargs)
        return self

    def to_bytes(self, **kwargs: Any) -> bytes:
        return bytes(self.tokenizer.to_bytes(**kwargs))

    def from_bytes(self, data: bytes, **kwargs: Any) -> PreparedTokenizer:
        self.tokenizer.from_bytes(data, **kwargs)
        return self


@registry.tokenizers("iom_nlp.PreparedTokenizer.v1")  # type: ignore[untyped-decorator]
def create_prepared_tokenizer() -> Callable[[Language], PreparedTokenizer]:
    """Config entry point: ``[nlp.tokenizer] @tokenizers = "iom_nlp.PreparedTokenizer.v1"``."""
    make_default = registry.tokenizers.get("spacy.Tokenizer.v1")()

    def create(nlp: Language) -> PreparedTokenizer:
        return PreparedTokenizer(make_default(nlp))

    return create
