"""Reading typed answers into canonical values, and canonical values into numbers.

Values are stored as canonical text (``"12.5"``, ``"yes"``, a choice value, free text) so
the candidate's answer and the committee's correction share one representation; the
number a value stands for is derived when scores are read, so a choice's score edited
later by the committee is honoured.
"""

from __future__ import annotations

import math
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from paritrana.submissions.domain.errors import InvalidValueError
from paritrana.submissions.models import Question, QuestionType

TEXT_MAX_LENGTH = 5000
YES = "yes"
NO = "no"
_YES_WORDS = {"yes", "ya", "y", "true", "1"}
_NO_WORDS = {"no", "tidak", "t", "n", "false", "0"}


def _parse_number(raw: str) -> Decimal:
    """Accept Indonesian (``1.234,5``) and plain (``1234.5``) notation; spaces ignored."""
    text = raw.replace(" ", "").replace("\u00a0", "")
    if "," in text:
        # A comma is the decimal separator in Indonesian; dots before it group thousands.
        text = text.replace(".", "").replace(",", ".")
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise InvalidValueError(
            _("“%(value)s” is not a number. Write digits only, e.g. 12 or 12,5.") % {"value": raw}
        ) from None
    if not number.is_finite():
        raise InvalidValueError(_("“%(value)s” is not a number.") % {"value": raw})
    return number


def _canonical_number(number: Decimal) -> str:
    text = format(number.normalize(), "f")
    return "0" if text in {"-0", ""} else text


def _check_range(question: Question, number: Decimal) -> None:
    low, high = question.min_value, question.max_value
    if low is not None and float(number) < low:
        raise InvalidValueError(_("The value must be at least %(min)s.") % {"min": f"{low:g}"})
    if high is not None and float(number) > high:
        raise InvalidValueError(_("The value must be at most %(max)s.") % {"max": f"{high:g}"})


def value_parse(*, question: Question, raw: str) -> str:
    """The canonical value of what was typed; ``""`` clears the answer."""
    text = (raw or "").strip()
    if not text:
        return ""
    if question.type == QuestionType.NUMBER:
        number = _parse_number(text)
        _check_range(question, number)
        return _canonical_number(number)
    if question.type == QuestionType.YES_NO:
        word = text.lower()
        if word in _YES_WORDS:
            return YES
        if word in _NO_WORDS:
            return NO
        raise InvalidValueError(_("Answer yes or no."))
    if question.type == QuestionType.CHOICE:
        if text not in question.choice_labels:
            raise InvalidValueError(_("Choose one of the options offered."))
        return text
    if len(text) > TEXT_MAX_LENGTH:
        raise InvalidValueError(
            _("The text is too long (%(n)s characters; at most %(max)s).")
            % {"n": len(text), "max": TEXT_MAX_LENGTH}
        )
    return text


def value_number(*, question: Question, value: str) -> float:
    """The number a canonical value stands for; NaN when empty or for free text."""
    if not value:
        return math.nan
    if question.type == QuestionType.NUMBER:
        return float(value)
    if question.type == QuestionType.YES_NO:
        return 1.0 if value == YES else 0.0
    if question.type == QuestionType.CHOICE:
        for choice in question.choices:
            if str(choice["value"]) == value:
                return float(choice.get("score", 0))
        return math.nan  # the choice was removed from the question since
    return math.nan


def value_display(*, question: Question, value: str) -> str:
    """How a canonical value reads on a page."""
    if question.type == QuestionType.YES_NO and value:
        return str(_("Yes") if value == YES else _("No"))
    if question.type == QuestionType.CHOICE:
        return question.choice_labels.get(value, value)
    return value


def value_claims_something(*, question: Question, value: str) -> bool:
    """Whether an answer asserts something that evidence must back (not empty, no, or 0)."""
    if not value:
        return False
    if question.type == QuestionType.TEXT:
        return True
    number = value_number(question=question, value=value)
    return not math.isnan(number) and number != 0
