"""The fast constructors of the per-block types (`model.new_block`, `new_verdict`,
`new_features`) build the very object the dataclass's own constructor builds."""

from __future__ import annotations

import dataclasses
import pickle

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner.model import Block, Features, Verdict, new_block, new_features, new_verdict

_FEATURES = st.builds(
    Features,
    st.integers(0, 10**6),
    st.integers(0, 10**5),
    st.integers(0, 10**5),
    st.floats(0, 1),
    st.booleans(),
    st.integers(0, 100),
    st.floats(0, 1),
    st.integers(0, 100),
    st.floats(0, 1),
    st.booleans(),
)


@settings(max_examples=200, deadline=None)
@given(_FEATURES)
def test_new_features_is_the_dataclass(f: Features) -> None:
    fast = new_features(*dataclasses.astuple(f))
    assert type(fast) is Features
    assert fast == f and hash(fast) == hash(f) and repr(fast) == repr(f)
    assert pickle.loads(pickle.dumps(fast)) == f


@settings(max_examples=200, deadline=None)
@given(
    st.integers(0, 10**6),
    st.integers(0, 10**6),
    st.integers(0, 10**6),
    st.text(max_size=20),
    st.integers(0, 10**5),
    st.booleans(),
    st.integers(0, 50),
    _FEATURES,
    st.booleans(),
)
def test_new_block_is_the_dataclass(
    index: int, start: int, end: int, text: str, line: int, gap: bool, piece: int, f: Features, joined: bool
) -> None:
    slow = Block(index, start, end, text, line, gap, piece, f, joined)
    fast = new_block(index, start, end, text, line, gap, piece, f, joined)
    assert type(fast) is Block
    assert fast == slow and hash(fast) == hash(slow) and repr(fast) == repr(slow)
    assert dataclasses.astuple(fast) == dataclasses.astuple(slow)


@settings(max_examples=100, deadline=None)
@given(
    st.integers(0, 10**6),
    st.sampled_from(["keep", "drop"]),
    st.text(max_size=8),
    st.text(max_size=8),
    st.text(max_size=8),
)
def test_new_verdict_is_the_dataclass(index: int, label: str, code: str, name: str, kind: str) -> None:
    slow = Verdict(index, label, code, name, kind)  # type: ignore[arg-type]
    fast = new_verdict(index, label, code, name, kind)  # type: ignore[arg-type]
    assert type(fast) is Verdict
    assert fast == slow and hash(fast) == hash(slow) and repr(fast) == repr(slow)


def test_fast_objects_stay_frozen() -> None:
    f = new_features(1, 1, 0, 0.0, False, 0, 0.0, 0, 0.0, False)
    b = new_block(0, 0, 1, "x", 0, True, 0, f, False)
    v = new_verdict(0, "keep", "", "", "")
    for obj, name in ((f, "words"), (b, "text"), (v, "label")):
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(obj, name, None)


def test_fast_constructors_cover_every_field() -> None:
    # a field added to a class must be added to its fast constructor too
    assert [f.name for f in dataclasses.fields(Block)] == list(Block.__slots__)
    assert [f.name for f in dataclasses.fields(Verdict)] == list(Verdict.__slots__)
    assert [f.name for f in dataclasses.fields(Features)] == list(Features.__slots__)
    assert new_block.__code__.co_argcount == len(Block.__slots__)
    assert new_verdict.__code__.co_argcount == len(Verdict.__slots__)
    assert new_features.__code__.co_argcount == len(Features.__slots__)
