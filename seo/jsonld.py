"""schema.org structured data, serialized for a <script type="application/ld+json">."""

import json
from dataclasses import dataclass

from django.core.serializers.json import DjangoJSONEncoder

# The characters that could close the <script> element or start an HTML
# comment are written as JSON unicode escapes.
_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@dataclass(frozen=True, slots=True)
class JsonLd:
    """Data serialized once, for pages that keep it: `{% json_ld %}` writes `text` as is."""

    text: str

    @classmethod
    def of(cls, data: dict) -> "JsonLd":
        text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
        return cls(text.translate(_JSON_ESCAPES))
