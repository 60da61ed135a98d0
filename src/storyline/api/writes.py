"""Write endpoints: off unless the server has a token and the request carries it."""

from __future__ import annotations

import hmac
from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, Query, Request
from pydantic import BaseModel, ConfigDict, Field, field_validator

from storyline.api.context import AppContext
from storyline.api.errors import ApiError
from storyline.api.routes import context
from storyline.errors import StorylineError
from storyline.ingest.records import RawArticle
from storyline.ingest.service import ingest_records
from storyline.model import PartialDate

MAX_BATCH = 5000


def require_token(request: Request, ctx: Annotated[AppContext, Depends(context)]) -> AppContext:
    if ctx.token is None:
        raise ApiError(
            403,
            "writes_disabled",
            "writes are off: start the server with --token or STORYLINE_TOKEN",
        )
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip(), ctx.token):
        raise ApiError(401, "unauthorized", "send the server's token as 'Authorization: Bearer …'")
    return ctx


Writer = Annotated[AppContext, Depends(require_token)]
router = APIRouter(prefix="/api")


class ArticleIn(BaseModel):
    """One article to store; only ``text`` is required."""

    model_config = ConfigDict(extra="forbid")

    id: str | None = Field(None, description="Your own id for it (kept as external_id).")
    title: str | None = None
    text: str = Field(min_length=1)
    date: str | None = Field(None, description="YYYY, YYYY-MM or YYYY-MM-DD.")
    url: str | None = None
    source: str | None = None
    lang: str | None = Field(None, max_length=8)
    author: str | None = None

    @field_validator("date")
    @classmethod
    def _date(cls, value: str | None) -> str | None:
        if value is not None:
            PartialDate.parse(value)
        return value

    def raw(self, index: int) -> RawArticle:
        return RawArticle(
            text=self.text,
            origin=f"api:{index}",
            title=self.title,
            date=PartialDate.parse(self.date) if self.date else None,
            lang=self.lang,
            url=self.url,
            source=self.source,
            author=self.author,
            external_id=self.id,
        )


@router.post("/articles", summary="Store a batch of articles (needs the token)")
def post_articles(
    articles: Annotated[list[ArticleIn], Body(min_length=1, max_length=MAX_BATCH)],
    ctx: Writer,
    analyze: Annotated[bool, Query(description="Analyse the new articles now.")] = True,
) -> dict[str, Any]:
    records = [item.raw(index) for index, item in enumerate(articles)]
    problem = None
    with ctx.write_lock:
        counts = ingest_records(records, ctx.store)
        analyzed = 0
        if analyze:
            try:
                analyzed = _analyze(ctx, records)
            except StorylineError as error:  # stored all the same; analysis can be rerun
                problem = str(error)
    result = {**counts.as_dict(), "analyzed": analyzed, "errors": counts.errors}
    if problem:
        result["analysis_error"] = problem
    return result


def _analyze(ctx: AppContext, records: list[RawArticle]) -> int:
    """Analyse this batch's new articles only (not every article still pending in the store)."""
    from storyline.errors import ReadError
    from storyline.ingest.service import prepare
    from storyline.pipeline import analyze

    ids = set()
    for record in records:
        try:
            ids.add(prepare(record).id)
        except ReadError:
            continue
    pending = [i for i in ctx.store.unanalyzed_ids() if i in ids]
    docs = list(analyze(ctx.store.get_article(i) for i in pending))
    ctx.store.save_documents(docs)
    return len(docs)


@router.post("/cluster", summary="Group new articles into events and storylines (needs the token)")
def post_cluster(ctx: Writer) -> dict[str, Any]:
    """How many articles were assigned to events and storylines."""
    from storyline.cluster import cluster_pending  # scikit-learn loads on first use only

    with ctx.write_lock:
        return {"result": cluster_pending(ctx.store)}
