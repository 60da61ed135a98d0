"""One error shape everywhere: ``{"error": {"code": ..., "message": ...}}``."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from storyline.errors import NotFoundError, StorylineError

log = logging.getLogger(__name__)

_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    413: "payload_too_large",
    422: "validation_error",
    500: "internal_error",
}


class ApiError(Exception):
    """An error with its HTTP status, stable code and a message a user can act on."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message


def error_body(code: str, message: str, **extra: Any) -> dict[str, Any]:
    return {"error": {"code": code, "message": message, **extra}}


def _wants_html(request: Request) -> bool:
    path = request.url.path
    if path.startswith("/api") or path in ("/openapi.json", "/docs", "/redoc"):
        return False
    return "text/html" in request.headers.get("accept", "")


def _respond(request: Request, status: int, code: str, message: str, **extra: Any) -> Response:
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
    if _wants_html(request):
        from storyline.web.pages import render_error

        return render_error(request, status, message)
    return JSONResponse(error_body(code, message, **extra), status_code=status, headers=headers)


def _validation_message(errors: list[Any]) -> tuple[str, list[dict[str, str]]]:
    details = []
    for item in errors:
        where = ".".join(str(part) for part in item.get("loc", ()) if part != "body")
        details.append({"field": where or "body", "message": str(item.get("msg", "invalid"))})
    text = "; ".join(f"{d['field']}: {d['message']}" for d in details[:5])
    if len(details) > 5:
        text += f"; and {len(details) - 5} more"
    return text or "invalid request", details


def install_error_handlers(app: FastAPI) -> None:
    """Every error, ours or the framework's, leaves in the same shape."""

    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError) -> Response:
        return _respond(request, exc.status, exc.code, exc.message)

    @app.exception_handler(NotFoundError)
    async def not_found(request: Request, exc: NotFoundError) -> Response:
        return _respond(request, 404, "not_found", exc.message)

    @app.exception_handler(KeyError)
    async def key_error(request: Request, exc: KeyError) -> Response:
        return _respond(request, 404, "not_found", f"not found: {exc.args[0] if exc.args else ''}")

    @app.exception_handler(StorylineError)
    async def storyline_error(request: Request, exc: StorylineError) -> Response:
        return _respond(request, 400, "bad_request", str(exc))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        message, details = _validation_message(list(exc.errors()))
        return _respond(request, 422, "validation_error", message, details=details)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        code = _CODES.get(exc.status_code, "error")
        return _respond(request, exc.status_code, code, str(exc.detail))

    @app.exception_handler(Exception)
    async def crash(request: Request, exc: Exception) -> Response:
        log.exception("unhandled error on %s", request.url.path)
        return _respond(request, 500, "internal_error", "internal error; see the server log")


def html_or_json_error(request: Request, status: int, message: str) -> Response:
    """For middleware that answers before routing."""
    return _respond(request, status, _CODES.get(status, "error"), message)
