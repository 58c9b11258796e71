"""GB 11643 ID numbers: check digit, birth date, sex, masking."""
import pytest

from services.employment.idcard import check_char, mask_id, parse_id, with_check


def test_known_check_digit() -> None:
    # The standard's worked example: 11010519491231002 → X.
    assert check_char("11010519491231002") == "X"
    facts = parse_id("11010519491231002x")
    assert facts.number == "11010519491231002X"
    assert str(facts.birth_date) == "1949-12-31"
    assert facts.sex == "female"  # 17th digit 2 is even
    assert facts.region == "110105"


def test_sex_from_seventeenth_digit() -> None:
    assert parse_id(with_check("45022519900101123")).sex == "male"
    assert parse_id(with_check("45022519900101124")).sex == "female"


@pytest.mark.parametrize("bad, message", [
    ("4502251990010112", "18 位"),
    ("45022519900101123A", "18 位"),
    ("45022519900230123" + check_char("45022519900230123"), "出生日期"),
    ("45022518000101123" + check_char("45022518000101123"), "出生日期"),
])
def test_refused_shapes(bad: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_id(bad)


def test_wrong_check_digit_refused() -> None:
    good = with_check("45022519900101123")
    wrong = good[:17] + ("0" if good[17] != "0" else "1")
    with pytest.raises(ValueError, match="校验位"):
        parse_id(wrong)


def test_mask_keeps_first_and_last_four() -> None:
    assert mask_id("450225199001011234") == "4502**********1234"
