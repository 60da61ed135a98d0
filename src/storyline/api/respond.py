"""JSON responses for the read endpoints: orjson, no response-model validation on the way out.

A route annotated ``-> dict[str, Any]`` makes FastAPI walk the whole answer through
``jsonable_encoder`` and a pydantic check before ``json.dumps``; for a story with its
timeline that costs more than the SQL behind it. Routes that return ``Json`` skip both: the
dicts they build hold only JSON types already.
"""

from __future__ import annotations

from typing import Any

import orjson
from fastapi.responses import JSONResponse


class Json(JSONResponse):
    """A JSON response rendered by orjson (non-string keys allowed, as ``json`` allows)."""

    def render(self, content: Any) -> bytes:
        return orjson.dumps(content, option=orjson.OPT_NON_STR_KEYS)
