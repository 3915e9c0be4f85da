"""One error shape for the whole server: ``{"ok": false, "error": {"code", "message"}}`` under ``/api/``,
an HTML page saying the same elsewhere. Every failure — not found, bad query, bad parameter, upload too
large, unexpected — goes through :func:`install`."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..search import QueryError

log = logging.getLogger("cablegram.web")

_CODES = {400: "bad_request", 404: "not_found", 405: "method_not_allowed", 413: "too_large", 415: "unsupported_type",
          422: "invalid_request", 500: "internal"}


class WebError(Exception):
    """A failure to report to the client: HTTP status, a stable code, a message for a person."""

    def __init__(self, status: int, code: str, message: str):
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


def error_body(code: str, message: str) -> dict:
    return {"ok": False, "error": {"code": code, "message": message}}


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors():
        where = ".".join(str(p) for p in err.get("loc", ()) if p not in ("query", "path", "body"))
        parts.append(f"{where}: {err.get('msg', 'invalid')}" if where else err.get("msg", "invalid"))
    return "; ".join(parts) or "invalid request"


def install(app: FastAPI, render_page) -> None:
    """Register the handlers; ``render_page(request, status, code, message)`` draws the HTML error page."""

    def respond(request: Request, status: int, code: str, message: str) -> Response:
        if request.url.path.startswith("/api/") or request.url.path == "/api":
            return JSONResponse(error_body(code, message), status_code=status)
        return render_page(request, status, code, message)

    @app.exception_handler(WebError)
    async def web_error(request: Request, exc: WebError) -> Response:
        return respond(request, exc.status, exc.code, exc.message)

    @app.exception_handler(QueryError)
    async def query_error(request: Request, exc: QueryError) -> Response:
        return respond(request, 422, "bad_query", f"bad query: {exc}")

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        return respond(request, 422, "invalid_request", _validation_message(exc))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) else "request failed"
        if exc.status_code == 404 and message == "Not Found":
            message = f"nothing at {request.url.path}"
        return respond(request, exc.status_code, _CODES.get(exc.status_code, "http_error"), message)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> Response:
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        return respond(request, 500, "internal", "the server failed to answer; the error is in its log")
