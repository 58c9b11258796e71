"""Excel ledgers (台账): write rows as inert cells under Chinese headers; read them back by header, within limits.

Writing: every string is text, never a formula (OWASP formula injection), and control characters an older
version stored can never make an export fail. Reading: the archive's unpacked size and the sheet's row count
are checked before any row is read, a parser failure on the file is a 422 (never a 500), and a cell holding a
control character is a bad cell like any other. `read_ledger` parses in a worker thread, so the event loop
keeps answering other requests while a large file is read.
"""
import hashlib
import io
import zipfile
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from anyio import to_thread
from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from pydantic import BaseModel, ValidationError
from starlette.datastructures import UploadFile

from services.kit.errors import _PYDANTIC_MESSAGES, DomainError, FieldError, unprocessable
from services.kit.settings import ServiceSettings
from services.kit.text import control_char_message

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# A cell starting with one of these runs as a formula in some spreadsheet (OWASP "CSV injection").
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Ledgers have a few dozen columns; reading is capped so a forged `XFD1` cell cannot widen every row.
MAX_COLUMNS = 256
MIB = 1024 * 1024


def inert(value: Any) -> Any:
    """A value safe to write: strings lose characters XML cannot hold and a formula start gets a quote."""
    if not isinstance(value, str):
        return value  # numbers, dates and booleans stay what they are
    text = ILLEGAL_CHARACTERS_RE.sub("\ufffd", str(value))
    return "'" + text if text.startswith(FORMULA_START) else text


def write_xlsx(title: str, headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> bytes:
    """A one-sheet workbook: header row, frozen, then the rows (streamed: constant memory per row)."""
    return write_sheets([(title, headers, rows)])


def write_sheets(sheets: Sequence[tuple[str, Sequence[str], Iterable[Sequence[Any]]]]) -> bytes:
    """A workbook of several sheets, each (title, headers, rows) written as `write_xlsx` writes its one sheet."""
    book = Workbook(write_only=True)
    for title, headers, rows in sheets:
        sheet = book.create_sheet(inert(title)[:31])
        sheet.freeze_panes = "A2"
        sheet.append([inert(h) for h in headers])
        for row in rows:
            sheet.append([inert(v) for v in row])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@dataclass(frozen=True)
class LedgerLimits:
    """How much one upload may make the service read."""

    max_rows: int = 20_000
    max_unpacked_bytes: int = 50 * MIB

    @classmethod
    def of(cls, settings: ServiceSettings) -> "LedgerLimits":
        """The limits a service is configured with."""
        return cls(settings.ledger_max_rows, settings.ledger_max_unpacked_bytes)


@dataclass(frozen=True)
class CellProblem:
    """One bad cell (or whole row, column 整行) of an uploaded ledger, in Chinese."""

    row: int
    column: str
    message: str


WHOLE_ROW = "整行"
M = TypeVar("M", bound=BaseModel)
Row = tuple[int, dict[str, Any]]


@dataclass
class Ledger:
    """The non-empty rows of an upload as (sheet row number, {header: value}), and the cells refused on reading.

    A refused cell's value is None in `rows`, so it never reaches a database; `refuse_if_any` reports it once.
    """

    rows: list[Row]
    problems: list[CellProblem] = field(default_factory=list)
    sha256: str = ""  # of the uploaded file: what an idempotent import fingerprints

    def refuse_if_any(self, problems: Iterable[CellProblem] = ()) -> None:
        """422 listing every bad cell: those refused on reading first, then the others not about the same cell."""
        flagged = {(p.row, p.column) for p in self.problems}
        found = self.problems + [p for p in problems if (p.row, p.column) not in flagged]
        if found:
            raise refuse_rows(found)


def refuse_rows(problems: Sequence[CellProblem]) -> DomainError:
    """422 `ledger.invalid_rows` listing every bad row and cell; the import stores nothing."""
    ordered = sorted(problems, key=lambda p: p.row)
    rows = sorted({p.row for p in ordered})
    return unprocessable(
        "ledger.invalid_rows", f"共 {len(rows)} 行有误（第 {'、'.join(map(str, rows))} 行），未导入任何数据",
        [FieldError(f"第{p.row}行·{p.column}", p.message) for p in ordered],
        rows=[{"row": p.row, "column": p.column, "message": p.message} for p in ordered])


Loc = tuple[int | str, ...]  # where pydantic found an error


def _problems(number: int, exc: ValidationError, column_of: Callable[[Loc], str]) -> list[CellProblem]:
    problems = []
    for err in exc.errors():
        if err.get("type") == "value_error":  # our own validators raise ValueError with a Chinese message
            message = str(err.get("ctx", {}).get("error", err.get("msg")))
        else:
            message = _PYDANTIC_MESSAGES.get(err.get("type", "")) or err.get("msg", "无效")
        problems.append(CellProblem(number, column_of(tuple(err["loc"])) if err["loc"] else WHOLE_ROW, message))
    return problems


def validate_rows(payloads: Iterable[tuple[int, dict[str, Any]]], model: type[M],
                  column_of: Callable[[Loc], str]) -> tuple[list[tuple[int, M]], list[CellProblem]]:
    """Each row's payload as `model`, and every bad cell of every row; `column_of` names an error's column.

    Pure CPU work over the whole file: call it through a worker thread (anyio.to_thread) from a route.
    """
    good, problems = [], []
    for number, payload in payloads:
        try:
            good.append((number, model.model_validate(payload)))
        except ValidationError as exc:
            problems += _problems(number, exc, column_of)
    return good, problems


def refused_row(number: int, error: DomainError, column_of: Callable[[str], str]) -> list[CellProblem]:
    """A domain rule's refusal of one row as bad cells (the fields it names), else as the whole row."""
    if error.fields:
        return [CellProblem(number, column_of(f.field), f.message) for f in error.fields]
    return [CellProblem(number, WHOLE_ROW, error.detail)]


def _unreadable() -> DomainError:
    return unprocessable("ledger.unreadable", "无法读取文件，请上传 .xlsx 格式的 Excel 台账")


def _too_many_rows(limits: LedgerLimits, found: str) -> DomainError:
    return unprocessable("ledger.too_many_rows",
                         f"工作表{found}，一次最多导入 {limits.max_rows} 行，请分批导入；未导入任何数据",
                         max_rows=limits.max_rows)


def _check_archive(content: bytes, limits: LedgerLimits) -> None:
    """Refuse a zip bomb from its directory: reading never inflates an entry past its declared size."""
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except Exception:  # not a zip at all, or a broken one
        raise _unreadable() from None
    if unpacked > limits.max_unpacked_bytes:
        raise unprocessable(
            "ledger.uncompressed_too_large",
            f"文件解压后约 {unpacked / MIB:.0f} MB，超过 {limits.max_unpacked_bytes / MIB:.0f} MB 上限"
            "（疑似压缩炸弹），未导入任何数据",
            unpacked_bytes=unpacked, max_unpacked_bytes=limits.max_unpacked_bytes)


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and value.strip() == "")


def _clean(value: Any, free_text: bool) -> tuple[Any, str | None]:
    """A cell's value as imported, and why it is refused (None when it is fine)."""
    if not isinstance(value, str):
        return value, None
    if value.startswith("'") and value[1:].startswith(FORMULA_START):
        value = value[1:]  # the quote our export put before a formula start: a round trip keeps the text
    message = control_char_message(value, free_text)
    return (None, message) if message else (value, None)


def _read(content: bytes, required: Sequence[str], limits: LedgerLimits, free_text: Collection[str],
          sheet_name: str | None) -> Ledger:
    book = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    try:
        if sheet_name is not None and sheet_name not in book.sheetnames:
            raise unprocessable("ledger.missing_sheet", f"缺少工作表：{sheet_name}", missing_sheet=sheet_name)
        sheet = book[sheet_name] if sheet_name is not None else book.worksheets[0]
        declared = sheet.max_row  # from the sheet's <dimension>, before any row is read
        if declared is not None and declared - 1 > limits.max_rows:
            raise _too_many_rows(limits, f"声明有 {declared - 1} 行数据")
        # Read what is there: a stale or forged <dimension> must neither hide rows nor invent empty ones.
        sheet.reset_dimensions()
        header_row = sheet.iter_rows(min_row=1, max_row=1, max_col=MAX_COLUMNS, values_only=True)
        headers = [str(h).strip() if h is not None else "" for h in next(header_row, ())]
        header_row.close()  # closes the sheet stream it opened
        while headers and not headers[-1]:
            headers.pop()
        missing = [h for h in required if h not in headers]
        if missing:
            raise unprocessable("ledger.missing_columns", f"缺少列：{'、'.join(missing)}", missing_columns=missing)
        ledger = Ledger([])
        width = max(len(headers), 1)
        for number, values in enumerate(sheet.iter_rows(min_row=2, max_col=width, values_only=True), start=2):
            if number - 1 > limits.max_rows:
                raise _too_many_rows(limits, f"超过 {limits.max_rows} 行数据")
            if all(_blank(v) for v in values):
                continue
            cells = {}
            for header, raw in zip(headers, values, strict=False):
                if header:
                    cells[header], message = _clean(raw, header in free_text)
                    if message:
                        ledger.problems.append(CellProblem(number, header, message))
            ledger.rows.append((number, cells))
        return ledger
    finally:
        book.close()


def parse_xlsx(content: bytes, required: Sequence[str], limits: LedgerLimits = LedgerLimits(),
               free_text: Collection[str] = (), sheet: str | None = None) -> Ledger:
    """The rows by header of the first sheet (or of the sheet named `sheet`); 422 on a bad, oversized or incomplete
    file. Blocking: see read_ledger."""
    _check_archive(content, limits)
    try:
        ledger = _read(content, required, limits, free_text, sheet)
    except DomainError:
        raise
    except Exception:  # whatever a hostile file makes the parser raise is the file's fault, never a 500
        raise _unreadable() from None
    ledger.sha256 = hashlib.sha256(content).hexdigest()
    return ledger


async def read_ledger(file: UploadFile, settings: ServiceSettings, required: Sequence[str],
                      free_text: Collection[str] = ()) -> Ledger:
    """An uploaded ledger, parsed in a worker thread so other requests are answered meanwhile."""
    content = await file.read()  # bounded: BodyLimit refused larger form bodies as they streamed in
    return await to_thread.run_sync(parse_xlsx, content, required, LedgerLimits.of(settings), free_text)


@dataclass(frozen=True)
class Column:
    """A column of a formatted report: its Chinese header, its width in characters and Excel's number format
    (`0.00` for money, `0.00%` for rates held as shares, `0` for counts, `@` for text)."""

    header: str
    width: int = 12
    number_format: str = "@"


def write_report_xlsx(title: str, columns: Sequence[Column], rows: Iterable[Sequence[Any]]) -> bytes:
    """A one-sheet report for people: bold frozen header, set widths, numbers as numbers in each column's format."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet(inert(title)[:31])
    sheet.freeze_panes = "A2"
    for index, column in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    sheet.append([_cell(sheet, inert(c.header), bold=True) for c in columns])
    for row in rows:
        sheet.append([_cell(sheet, inert(v), number_format=c.number_format) for c, v in zip(columns, row, strict=True)])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _cell(sheet: Any, value: Any, bold: bool = False, number_format: str | None = None) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value=value)
    if bold:
        cell.font = Font(bold=True)
    if number_format and not isinstance(value, str):
        cell.number_format = number_format
    return cell
