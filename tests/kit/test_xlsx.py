"""The kit's Excel reader and writer: inert exports, limits checked before rows are read, clean cells."""
import time
from datetime import date, datetime
from decimal import Decimal

import pytest

from services.kit.errors import DomainError
from services.kit.xlsx import CellProblem, Ledger, LedgerLimits, parse_xlsx, write_xlsx
from tests.kit.workbooks import cell_types, declaring, rewrite_sheet, sheet_values, zip_bomb

HEADERS = ["名称", "说明", "金额", "日期"]
SMALL = LedgerLimits(max_rows=20, max_unpacked_bytes=1024 * 1024)


def refusal(content: bytes, limits: LedgerLimits = SMALL) -> DomainError:
    with pytest.raises(DomainError) as caught:
        parse_xlsx(content, HEADERS, limits)
    return caught.value


@pytest.mark.parametrize("text", ['=HYPERLINK("http://evil.example","点击")', "+1+1", "-2+3", "@SUM(A1)",
                                  "\t=1", "\r=1"])
def test_a_formula_start_is_written_as_quoted_text(text: str) -> None:
    content = write_xlsx("台账", HEADERS, [[text, "说明", Decimal("12.50"), date(2019, 3, 1)]])
    [_, row] = sheet_values(content)
    assert row[0] == "'" + text.replace("\r", "\n")  # XML reads a raw CR back as a newline
    assert cell_types(content)[1][0] == "s"  # text, never 'f'


def test_numbers_and_dates_stay_numbers_and_dates() -> None:
    rows = [["道路", "-", Decimal("-12.50"), datetime(2019, 3, 1, 8, 0)], ["x", 7, -3, None]]
    content = write_xlsx("台账", HEADERS, rows)
    types = cell_types(content)
    assert types[1][2:] == ["n", "d"] and types[2][1:3] == ["n", "n"]
    assert sheet_values(content)[1][2] == -12.5 and sheet_values(content)[2][2] == -3


def test_stored_control_characters_cannot_fail_an_export() -> None:
    content = write_xlsx("台账", HEADERS, [["abc\x00def", "\x01\x0b备注\n第二行", 1, None]])
    [_, row] = sheet_values(content)
    assert row[0] == "abc\ufffddef" and row[1] == "\ufffd\ufffd备注\n第二行"


def test_an_exported_quoted_cell_reads_back_as_what_was_stored() -> None:
    content = write_xlsx("台账", HEADERS, [["=1+2", "-5 户", 1, None]])
    ledger = parse_xlsx(content, HEADERS)
    assert ledger.rows == [(2, {"名称": "=1+2", "说明": "-5 户", "金额": 1, "日期": None})]


def test_a_zip_bomb_is_refused_from_the_archive_directory_without_inflating_it() -> None:
    bomb = zip_bomb(HEADERS, 200 * 1024 * 1024)
    assert len(bomb) < 400 * 1024  # tiny on the wire
    start = time.perf_counter()
    error = refusal(bomb, LedgerLimits(max_unpacked_bytes=50 * 1024 * 1024))
    assert time.perf_counter() - start < 0.5
    assert error.status == 422 and error.code == "ledger.uncompressed_too_large"
    assert error.extra["max_unpacked_bytes"] == 50 * 1024 * 1024 and "压缩炸弹" in error.detail


def test_a_declared_row_count_over_the_limit_is_refused_before_reading_rows() -> None:
    content = declaring(write_xlsx("台账", HEADERS, [["道路", "", 1, None]]), "A1:D30001")
    error = refusal(content)
    assert error.code == "ledger.too_many_rows" and error.extra["max_rows"] == 20
    assert "30000" in error.detail


def test_rows_beyond_a_lying_dimension_are_neither_hidden_nor_allowed_past_the_limit() -> None:
    rows = [[f"道路{i}", "", i, None] for i in range(25)]
    error = refusal(declaring(write_xlsx("台账", HEADERS, rows), "A1:D2"))
    assert error.code == "ledger.too_many_rows"
    ledger = parse_xlsx(declaring(write_xlsx("台账", HEADERS, rows[:5]), "A1:D2"), HEADERS, SMALL)
    assert [n for n, _ in ledger.rows] == [2, 3, 4, 5, 6]  # openpyxl alone would stop at the declared row 2


def test_one_far_away_cell_cannot_make_the_reader_walk_a_million_empty_rows() -> None:
    far = '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row></sheetData>'
    content = rewrite_sheet(write_xlsx("台账", HEADERS, [["道路", "", 1, None]]),
                            lambda xml: xml.replace("</sheetData>", far))
    start = time.perf_counter()
    assert refusal(content, LedgerLimits()).code == "ledger.too_many_rows"
    assert time.perf_counter() - start < 2


@pytest.mark.parametrize("change", [
    lambda xml: xml.replace("</sheetData>", "<row r='9'><c r='A9'><v>1</v></sheetData>"),  # broken XML
    lambda xml: xml.replace('t="n"><v>1</v>', 't="n"><v>abc</v>'),  # a number cell that is not a number
])
def test_a_file_the_parser_chokes_on_is_a_clear_422(change) -> None:
    content = rewrite_sheet(write_xlsx("台账", HEADERS, [["道路", "", 1, None]]), change)
    assert refusal(content).code == "ledger.unreadable"


def test_not_a_zip_is_unreadable() -> None:
    assert refusal(b"PK\x03\x04 not really").code == "ledger.unreadable"


def test_control_characters_in_cells_are_bad_cells_tab_and_newline_only_in_free_text() -> None:
    rows = [["道路\t一期", "第一行\n第二行\t备注", 1, None],  # tab in a one-line column
            ["道路", "说明CR", 2, None],  # CR is not allowed even in free text
            ["道路\x7f", "好", 3, None],  # DEL
            ["桥梁", "带\t制表符\n和换行", 4, None]]  # fine
    content = rewrite_sheet(write_xlsx("台账", HEADERS, rows), lambda xml: xml.replace("说明CR", "说明&#13;"))
    ledger = parse_xlsx(content, HEADERS, free_text=["说明"])
    assert [(p.row, p.column) for p in ledger.problems] == [(2, "名称"), (3, "说明"), (4, "名称")]
    assert "U+0009" in ledger.problems[0].message and "U+000D" in ledger.problems[1].message
    assert ledger.rows[0][1]["名称"] is None and ledger.rows[0][1]["说明"] == "第一行\n第二行\t备注"
    assert ledger.rows[3][1]["说明"] == "带\t制表符\n和换行"


def test_a_refusal_names_every_bad_cell_once() -> None:
    ledger = Ledger([], [CellProblem(3, "名称", "含有不允许的控制字符（U+0009，第 3 个字符）")])
    with pytest.raises(DomainError) as caught:
        ledger.refuse_if_any([CellProblem(2, "金额", "应为金额数字"), CellProblem(3, "名称", "必填项缺失")])
    problem = caught.value
    assert problem.code == "ledger.invalid_rows" and "第 2、3 行" in problem.detail
    assert [(r["row"], r["column"]) for r in problem.extra["rows"]] == [(2, "金额"), (3, "名称")]
    assert problem.extra["rows"][1]["message"].startswith("含有不允许的控制字符")
    Ledger([]).refuse_if_any([])  # nothing wrong: no refusal
