"""The store: migrations, idempotent saves, revisions, and exact round trips."""

from __future__ import annotations

import sqlalchemy as sa
from hypothesis import given, settings
from hypothesis import strategies as st

from storytrace.errors import NotFound, StoreError
from storytrace.records import (
    Article,
    ArticleAnalysis,
    Attribution,
    Entity,
    RawArticle,
    Span,
    Speaker,
    TimeExpression,
)
from storytrace.store import Store, text_key
from storytrace.store.migrations import MIGRATIONS, current_version

TEXT = "Ana Reyes said the port would reopen. “It’s done,” Reyes told reporters on Monday."


def _analysis(store: Store, raw: RawArticle) -> ArticleAnalysis:
    article = store.identify(raw)
    text = article.text
    aid = article.id
    entity = Entity(
        id=f"{aid}:e1",
        article=aid,
        name="Ana Reyes",
        type="PERSON",
        aliases=("Reyes",),
        mentions=(Span(0, 9, text[0:9]), Span(51, 56, text[51:56])),
    )
    quote = Attribution(
        id=f"{aid}:q1",
        article=aid,
        kind="direct",
        content=Span(39, 48, text[39:48]),
        cue=Span(57, 61, text[57:61]),
        source=Span(51, 56, text[51:56]),
        speaker=Speaker(entity=entity.id, name="Ana Reyes"),
        cue_lemma="tell",
    )
    when = TimeExpression(
        article=aid, start=75, end=81, text=text[75:81], type="DATE", value="2026-03-02"
    )
    return ArticleAnalysis(
        article=article, entities=(entity,), attributions=(quote,), times=(when,)
    )


def test_text_key_ignores_whitespace_and_normalisation_only() -> None:
    assert text_key("a  b\n\nc ") == text_key("a b c")
    assert text_key("cafe\u0301") == text_key("café")
    assert text_key("a b c") != text_key("a b d")


def test_round_trip_returns_the_same_records(tmp_path) -> None:
    with Store(str(tmp_path / "s.db")) as store:
        analysis = _analysis(store, RawArticle(input="a.txt", text=TEXT, outlet="Ledger"))
        assert store.save(analysis)
        assert store.analysis(analysis.article.id) == analysis
    with Store(str(tmp_path / "s.db")) as reopened:
        assert list(reopened.analyses()) == [analysis]


def test_saving_the_same_text_twice_changes_nothing(tmp_path) -> None:
    with Store(str(tmp_path / "s.db")) as store:
        first = _analysis(store, RawArticle(input="a.txt", text=TEXT))
        assert store.save(first)
        again = _analysis(store, RawArticle(input="b.txt", text=TEXT + "  \n"))
        assert again.article.key == first.article.key
        assert not store.save(again)
        assert store.count() == 1
        assert store.articles()[0].input == "a.txt"


def test_new_text_at_a_known_url_is_a_revision(tmp_path) -> None:
    with Store(str(tmp_path / "s.db")) as store:
        old = _analysis(store, RawArticle(input="u", text=TEXT, url="https://x.test/a"))
        store.save(old)
        new = _analysis(
            store, RawArticle(input="u", text=TEXT + " Updated.", url="https://x.test/a")
        )
        assert new.article.revision_of == old.article.id
        store.save(new)
        assert [a.revision_of for a in store.articles()] == [None, old.article.id]


def test_jsonl_id_is_kept_and_a_changed_text_gets_a_revision_id(tmp_path) -> None:
    with Store(str(tmp_path / "s.db")) as store:
        first = _analysis(store, RawArticle(input="f:1", text=TEXT, source_id="w-1"))
        assert first.article.id == "w-1"
        store.save(first, source_id="w-1")
        second = _analysis(store, RawArticle(input="f:1", text=TEXT + " More.", source_id="w-1"))
        assert second.article.id.startswith("w-1~")
        assert second.article.revision_of == "w-1"


def test_failed_save_leaves_nothing_half_written(tmp_path) -> None:
    with Store(str(tmp_path / "s.db")) as store:
        good = _analysis(store, RawArticle(input="a.txt", text=TEXT))
        store.save(good)
        bad = _analysis(store, RawArticle(input="b.txt", text="Another text entirely here."))
        # an entity id that collides with a stored one makes the insert fail mid-way
        broken = ArticleAnalysis(article=bad.article, entities=good.entities)
        try:
            store.save(broken)
        except StoreError as exc:
            assert exc.article == bad.article.id
        else:  # pragma: no cover - the collision must raise
            raise AssertionError("expected StoreError")
        assert store.count() == 1
        assert list(store.analyses()) == [good]


def test_unknown_article_is_not_found(tmp_path) -> None:
    with Store(str(tmp_path / "s.db")) as store:
        try:
            store.analysis("nope")
        except NotFound as exc:
            assert str(exc) == "article nope: no article with id 'nope'"
        else:  # pragma: no cover
            raise AssertionError("expected NotFound")


def test_migrations_are_recorded_and_reapplying_is_a_no_op(tmp_path) -> None:
    path = str(tmp_path / "s.db")
    Store(path).close()
    with Store(path) as store:
        assert store.version == MIGRATIONS[-1].version == current_version(store.engine)


def test_a_newer_schema_is_refused(tmp_path) -> None:
    path = str(tmp_path / "s.db")
    with Store(path) as store, store.engine.begin() as conn:
        conn.execute(sa.text("INSERT INTO schema_migrations VALUES (999, 'future', 'x')"))
    try:
        Store(path)
    except StoreError as exc:
        assert "newer than this storytrace" in str(exc)
    else:  # pragma: no cover
        raise AssertionError("expected StoreError")


def test_a_file_that_is_not_a_database_is_a_clear_error(tmp_path) -> None:
    path = tmp_path / "junk.db"
    path.write_bytes(b"this is not sqlite" * 100)
    try:
        Store(str(path))
    except StoreError as exc:
        assert str(exc).startswith(f"{path}: cannot open database")
    else:  # pragma: no cover
        raise AssertionError("expected StoreError")


_texts = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=200
).filter(lambda t: t.strip())


@settings(max_examples=40, deadline=None)
@given(text=_texts, title=st.none() | st.text(max_size=30), published=st.none() | st.dates())
def test_property_store_then_load_is_identity(text: str, title: str | None, published) -> None:
    with Store(":memory:") as store:
        raw = RawArticle(
            input="p.txt",
            text=text,
            title=title,
            published=published.isoformat() if published else None,
        )
        article = store.identify(raw)
        n = len(text)
        analysis = ArticleAnalysis(
            article=article,
            attributions=(
                Attribution(
                    id=f"{article.id}:q1",
                    article=article.id,
                    kind="indirect",
                    content=Span(0, n, text),
                    cue=None,
                    source=None,
                    speaker=Speaker(anonymous=True, description="officials"),
                ),
            ),
            times=(
                TimeExpression(
                    article=article.id,
                    start=0,
                    end=n,
                    text=text,
                    type="SET",
                    value="XXXX-WXX-5",
                    anchored=False,
                ),
            ),
        )
        assert store.save(analysis)
        assert store.analysis(article.id) == analysis
        assert isinstance(article, Article)
