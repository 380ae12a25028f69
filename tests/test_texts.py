"""The key-and-facts matcher the behaviour tests use, and the few messages whose wording is pinned."""

from __future__ import annotations

import pytest

from bot.i18n import t
from tests.texts import keys_in, said


def test_said_finds_a_message_by_key_and_facts_in_any_language() -> None:
    text = "noise\n" + t("vi", "pledge.signed_reply", name="Lan", year=2027, code="YTE", unit="Sở Y tế",
                          at="20/12/2026 09:00", count=3, total=9) + "\nmore"
    assert said(text, "pledge.signed_reply")
    assert said(text, "pledge.signed_reply", code="YTE", count=3, total=9)
    assert not said(text, "pledge.signed_reply", count=4)
    assert not said(text, "pledge.signed_reply", code="GDDT")
    assert not said(text, "pledge.unsigned")
    english = t("en", "pledge.signed_reply", name="Lan", year=2027, code="YTE", unit="Sở Y tế",
                at="20/12/2026 09:00", count=3, total=9)
    assert said(english, "pledge.signed_reply", count=3)
    assert "pledge.signed_reply" in keys_in(text, "pledge.")


def test_said_refuses_an_unknown_key() -> None:
    with pytest.raises(KeyError):
        said("anything", "no.such.key")


# --- pinned wording: what an officer must read exactly as written -----------------------------------

def test_the_ballot_promises_secrecy_in_these_words() -> None:
    assert t("vi", "ballot.secret") == (
        "🔒 Phiếu kín: bot chỉ đếm số phiếu; không ai, kể cả Trưởng khối, xem được bạn chọn ai.")


def test_a_ballot_receipt_reads_exactly() -> None:
    assert t("vi", "ballot.received", id=3, title="Bằng khen của Chủ tịch UBND tỉnh (năm 2026)", code="YTE",
             when="20/12/2026 09:15", receipt="ABC-DEF") == (
        "✅ Đã nhận phiếu của đơn vị YTE cho #3 — Bằng khen của Chủ tịch UBND tỉnh (năm 2026), lúc 20/12/2026 09:15."
        "\nMã phiếu: ABC-DEF\nKhi đóng phiếu, danh sách mã phiếu được đếm sẽ có mã này. Đến trước khi đóng, đơn vị "
        "có thể bỏ phiếu lại; phiếu sau thay phiếu trước.")


def test_an_internal_error_says_nothing_changed() -> None:
    assert t("vi", "err.internal") == (
        "⚠️ Xin lỗi, bot gặp lỗi khi xử lý yêu cầu này. Lỗi đã được ghi lại; dữ liệu của bạn không bị thay đổi. "
        "Vui lòng thử lại sau ít phút.")
