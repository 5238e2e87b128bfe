"""The scoring behind ``trustdesk pii eval``: coverage rules, unlabelled entities, bad files."""

from __future__ import annotations

import io
import json

import pytest

from trustdesk.privacy.evaluation import (
    Labelled,
    LabelledSetError,
    evaluate,
    in_context,
    read_labelled,
)


def _record(text: str, *spans: tuple[int, int, str], line: int = 1) -> Labelled:
    return Labelled(text, tuple(spans), line)


def test_a_value_counts_as_redacted_from_ninety_percent_coverage_by_any_entity() -> None:
    text = "address 12 Oak Street, Springfield IL 62704 thanks"
    gold = (8, 43, "ADDRESS")
    length = 43 - 8
    almost = 8 + int(0.9 * length) + 1  # just over 90 %
    short = 8 + int(0.8 * length)  # 80 %
    over = evaluate([_record(text, gold)], lambda t: [(8, almost, "PERSON")])
    assert over.entities["ADDRESS"].redaction_recall == 1.0
    assert over.entities["ADDRESS"].recall == 0.0  # found as another entity
    assert over.unlabelled == {"PERSON": 1}  # which the set never labels: not scored
    under = evaluate([_record(text, gold)], lambda t: [(8, short, "ADDRESS")])
    assert under.entities["ADDRESS"].redaction_recall == 0.0
    assert [m.entity for m in under.misses] == ["ADDRESS"]
    assert under.misses[0].detected_as == ("ADDRESS",)


def test_precision_needs_half_the_detection_inside_a_labelled_value() -> None:
    text = "hello Ann Lee, see you"
    gold = (6, 13, "PERSON")
    result = evaluate(
        [_record(text, gold)],
        lambda t: [(6, 13, "PERSON"), (15, 18, "PERSON"), (0, 5, "EMAIL_ADDRESS")],
    )
    assert result.entities["PERSON"].precision == 0.5
    assert result.entities["PERSON"].detected == 2
    # EMAIL_ADDRESS is never labelled in this set: counted apart, not as a false alarm.
    assert result.unlabelled == {"EMAIL_ADDRESS": 1}
    assert result.span_precision == 0.5
    assert [(m.start, m.end) for m in result.false_alarms] == [(15, 18)]


def test_span_precision_accepts_any_labelled_entity() -> None:
    text = "street 1 Main St now"
    result = evaluate([_record(text, (7, 16, "ADDRESS"))], lambda t: [(7, 16, "PERSON")])
    # PERSON is unlabelled in this set, so it is not scored at all.
    assert result.entities["ADDRESS"].detected == 0
    two = [_record(text, (7, 16, "ADDRESS")), _record("Ann", (0, 3, "PERSON"), line=2)]
    result = evaluate(two, lambda t: [(0, len(t) if t == "Ann" else 19, "PERSON")])
    assert result.entities["PERSON"].precision == 0.5
    assert result.span_precision == 0.5  # (0, 19) is not half inside the address (7–16)
    result = evaluate(two, lambda t: [(0, len(t) if t == "Ann" else 18, "PERSON")])
    assert result.span_precision == 1.0  # (0, 18): exactly half inside the address


def test_nothing_labelled_and_nothing_found_has_no_rates() -> None:
    result = evaluate([_record("nothing here")], lambda t: [])
    assert result.messages == 1
    assert result.redaction_recall is None and result.span_precision is None


def test_read_labelled_keeps_meta_and_sorts_spans() -> None:
    line = json.dumps(
        {
            "text": "Ann at ann@example.com",
            "spans": [
                {"start": 7, "end": 22, "entity": "EMAIL_ADDRESS"},
                {"start": 0, "end": 3, "entity": "PERSON"},
            ],
            "split": "dev",
        }
    )
    (record,) = read_labelled(io.StringIO(line + "\n\n"))
    assert record.spans == ((0, 3, "PERSON"), (7, 22, "EMAIL_ADDRESS"))
    assert record.meta == {"split": "dev"}
    assert record.line == 1


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("not json", "line 2: not valid JSON"),
        ('{"spans": []}', "line 2: expected an object with a string 'text'"),
        ('{"text": "abc", "spans": {}}', "'spans' must be a list"),
        ('{"text": "abc", "spans": [{"start": 0, "end": 9, "entity": "X"}]}', "line 2, span 0"),
        ('{"text": "abc", "spans": [{"start": 1, "end": 1, "entity": "X"}]}', "start < end"),
        ('{"text": "abc", "spans": [{"start": "0", "end": 1, "entity": "X"}]}', "integers"),
        ('{"text": "abc", "spans": [{"start": 0, "end": 1}]}', "'entity'"),
        (
            '{"text": "abcd", "spans": [{"start": 0, "end": 3, "entity": "X"},'
            ' {"start": 2, "end": 4, "entity": "Y"}]}',
            "overlap",
        ),
    ],
)
def test_malformed_lines_name_the_line_and_never_quote_values(line: str, message: str) -> None:
    handle = io.StringIO('{"text": "fine", "spans": []}\n' + line + "\n")
    with pytest.raises(LabelledSetError) as caught:
        list(read_labelled(handle))
    assert message in str(caught.value)
    assert "abc" not in str(caught.value)


def test_in_context_marks_the_value_on_one_line() -> None:
    result = evaluate(
        [_record("x" * 50 + " call\n0175629808 now", (56, 66, "PHONE_NUMBER"))], lambda t: []
    )
    shown = in_context(result.misses[0], width=10)
    assert shown == "…xxxx call ⟦0175629808⟧ now"
