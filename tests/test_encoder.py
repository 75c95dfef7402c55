"""The fine-tuned sentence encoder of the event classifier (onnxruntime) and its fallback."""

from __future__ import annotations

import json

import pytest

from flashpoint.errors import ResourceError
from flashpoint.extractors import classifier, encoder
from flashpoint.extractors.clf_features import mark
from flashpoint.resources import data_path


def test_markers_wrap_source_and_target() -> None:
    m = mark("<s>India</s> accused <t>Pakistan</t> of shelling.")
    assert encoder.marked_text(m) == (
        "[unused0] India [unused1] accused [unused2] Pakistan [unused3] of shelling.")
    assert encoder.marked_text(mark("No actors here.")) == "No actors here."


def test_marker_tokens_are_single_word_pieces() -> None:
    tok = encoder._encoder().tokenizer
    ids, mask = encoder.encode_batch(tok, ["[unused0] India [unused1] said.", "Short."])
    assert ids.shape == mask.shape and ids.shape[0] == 2
    assert tok.token_to_id("[unused0]") in ids[0].tolist()
    assert mask[1].sum() < mask[0].sum()  # padded to the longest


def test_long_sentence_keeps_the_actors() -> None:
    tok = encoder._encoder().tokenizer
    text = " ".join(["word"] * 150) + " [unused0] India [unused1] attacked [unused2] Pakistan " \
        "[unused3] " + " ".join(["word"] * 50)
    ids, _ = encoder.encode_batch(tok, [text])
    assert ids.shape[1] == encoder.MAX_LENGTH
    row = ids[0].tolist()
    for t in encoder.MARKERS:
        assert tok.token_to_id(t) in row


def test_probabilities_sum_to_one_and_keep_order() -> None:
    items = [mark("<s>India</s> accused <t>Pakistan</t> of shelling border villages."),
             mark("<s>Police</s> arrested <t>two men</t> in Lahore.")]
    out = encoder.probabilities(items)
    assert [max(p["root"], key=p["root"].__getitem__) for p in out] == ["ACCUSE", "COERCE"]
    for p in out:
        assert abs(sum(p["root"].values()) - 1) < 1e-6 and abs(sum(p["quad"].values()) - 1) < 1e-6


def test_off_switch_falls_back_to_the_lexical_heads(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FLASHPOINT_ENCODER", "off")
    assert not encoder.enabled()
    c = classifier.classify("<s>India</s> accused <t>Pakistan</t> of shelling border villages.")
    assert c.plover_type == "ACCUSE"
    monkeypatch.setenv("FLASHPOINT_ENCODER", "on")
    assert encoder.enabled()


def test_lexical_only_calls_skip_the_encoder(monkeypatch: pytest.MonkeyPatch) -> None:
    rows = [("<s>India</s> accused <t>Pakistan</t> of shelling.", None, None),
            ("Pakistani troops shelled Indian posts along the Line of Control.", None, None)]
    calls: list[int] = []
    real = encoder.probabilities
    monkeypatch.setattr(encoder, "probabilities", lambda items: calls.append(len(items))
                        or real(items))
    lexical = classifier.classify_many(rows, use_encoder=False)
    assert calls == []  # the pipeline's mode fill never pays for the encoder
    monkeypatch.setenv("FLASHPOINT_ENCODER", "off")
    assert lexical == classifier.classify_many(rows)
    monkeypatch.setenv("FLASHPOINT_ENCODER", "on")
    classifier.classify_many(rows)
    assert calls and calls[0] >= len(rows)  # on by default, it runs


def test_batched_and_single_calls_agree() -> None:
    rows = [("<s>India</s> accused <t>Pakistan</t> of shelling.", None, None),
            ("Islamabad denied the charge.", None, None),
            ("Protesters clashed with police outside parliament.", None, None)]
    many = classifier.classify_many(rows)
    assert [c.plover_type for c in many] == [classifier.classify(*r).plover_type for r in rows]
    assert classifier.classify_many([]) == []


def test_shipped_files_match_their_checksums_and_size() -> None:
    import hashlib

    meta = json.loads(data_path(encoder.MODEL_JSON).read_text(encoding="utf-8"))
    assert meta["format"] == encoder.FORMAT and meta["max_length"] == encoder.MAX_LENGTH
    for name, digest in meta["sha256"].items():
        assert hashlib.sha256(data_path(f"models/{name}").read_bytes()).hexdigest() == digest
    assert data_path(encoder.MODEL_ONNX).stat().st_size < 50e6


def test_a_damaged_model_names_the_fix(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    bad = tmp_path / "models"
    bad.mkdir()
    (bad / "event_encoder.json").write_text('{"format": 1, "heads": {}}', encoding="utf-8")
    (bad / "event_encoder_tokenizer.json").write_text("not json", encoding="utf-8")
    (bad / "event_encoder.onnx").write_bytes(b"not onnx")
    monkeypatch.setattr(encoder, "data_path", lambda rel: tmp_path / rel)
    encoder._encoder.cache_clear()
    try:
        with pytest.raises(ResourceError, match="FLASHPOINT_ENCODER=off"):
            encoder._encoder()
    finally:
        encoder._encoder.cache_clear()
