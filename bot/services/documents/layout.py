"""The layout of Vietnamese administrative documents (thể thức văn bản hành chính), with python-docx.

Every document the bot files follows it (see DOMAIN.md, "Official documents"): A4 portrait; margins
top and bottom 20 mm, left 30 mm, right 15 mm; Times New Roman 14 pt; top left the issuing body (the
bloc in capitals, the head unit of the year in bold capitals, a short rule, the number line); top right
the national heading, the motto with a rule as long as it, the place and date in italics; the document
type and summary centred in bold; a justified body with a first-line indent; tables whose columns fit
their content; signature blocks with room to sign; "Nơi nhận" bottom left; page numbers centred at
the top from page 2.
"""

from __future__ import annotations

import io
import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from docx import Document as WordDocument
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.table import Table, _Cell, _Row
from docx.text.paragraph import Paragraph

DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
FONT = "Times New Roman"
BODY_PT = 14
PAGE_WIDTH_CM, PAGE_HEIGHT_CM = 21.0, 29.7
MARGIN_TOP_CM, MARGIN_BOTTOM_CM, MARGIN_LEFT_CM, MARGIN_RIGHT_CM = 2.0, 2.0, 3.0, 1.5
TEXT_WIDTH_CM = PAGE_WIDTH_CM - MARGIN_LEFT_CM - MARGIN_RIGHT_CM  # 16.5 cm
# Average width of a character of Times New Roman at 13 pt in a table (Vietnamese text): used to fit
# columns so a unit's name takes at most two lines.
CHAR_CM_13PT = 0.23
NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"


def place_date(place: str, day: date) -> str:
    """"Yên Bái, ngày 05 tháng 02 năm 2026": a leading zero for days below 10 and months 1 and 2."""
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"{place}, ngày {day.day:02d} tháng {month} năm {day.year}"


def number_line(number: str | None, kind: str) -> str:
    """"Số: 05/BB-KTĐ", or "Số:      /BB-KTĐ" with room for the head to write the number in."""
    return f"Số: {number}/{kind}-KTĐ" if number else f"Số:       /{kind}-KTĐ"


def fit_widths(rows: Sequence[Sequence[str]], total_cm: float = TEXT_WIDTH_CM, char_cm: float = CHAR_CM_13PT,
               padding_cm: float = 0.6) -> list[float]:
    """Column widths (cm) that fit the content (``rows[0]`` is the header): every value on one line
    if the page allows it; otherwise the widest columns, one after another, on two lines (a unit's
    name on at most two lines); a header may take two lines; never narrower than the longest word.
    Whatever is left of the line goes to the widest column."""
    columns = len(rows[0])
    header, body = [str(c) for c in rows[0]], [[str(c) for c in r] for r in rows[1:]]

    def words(text: str) -> int:
        return max((len(w) for w in text.split()), default=0)

    floor = [max(words(header[i]), math.ceil(len(header[i]) / 2), *(words(r[i]) for r in body)) for i in range(columns)]
    one_line = [max(floor[i], *(len(r[i]) for r in body)) for i in range(columns)]
    two_lines = [max(floor[i], *(math.ceil(len(r[i]) / 2) + 2 for r in body)) for i in range(columns)]
    chars = list(one_line)

    def width(c: list[int]) -> float:
        return sum(n * char_cm + padding_cm for n in c)

    for i in sorted(range(columns), key=lambda i: -one_line[i]):
        if width(chars) <= total_cm:
            break
        chars[i] = min(chars[i], two_lines[i])
    need = [n * char_cm + padding_cm for n in chars]
    spare = total_cm - sum(need)
    if spare > 0:
        widest = max(range(columns), key=lambda i: need[i])
        need[widest] += spare
    elif spare < 0:  # still too wide: shrink proportionally (Word then wraps, still within the page)
        need = [w * total_cm / sum(need) for w in need]
    return [round(w, 2) for w in need]


@dataclass(frozen=True)
class Issuer:
    """Who issues the document: the bloc, the head unit of the year (may be unknown), where and when."""

    bloc_name: str
    head_unit: str | None
    place: str
    day: date


@dataclass(frozen=True)
class Signer:
    title: str  # the role, e.g. "THƯ KÝ", "TM. KHỐI THI ĐUA\nTRƯỞNG KHỐI"
    name: str | None  # None: left blank for the signer to write


class OfficialDocument:
    def __init__(self, issuer: Issuer, *, kind: str, number: str | None, doc_type: str, summary: str) -> None:
        self.doc: DocxDocument = WordDocument()
        self._page()
        self._styles()
        self._heading(issuer, number_line(number, kind))
        self._title(doc_type, summary)

    # --- page and styles --------------------------------------------------------------------------
    def _page(self) -> None:
        section = self.doc.sections[0]
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Cm(PAGE_WIDTH_CM), Cm(PAGE_HEIGHT_CM)
        section.top_margin, section.bottom_margin = Cm(MARGIN_TOP_CM), Cm(MARGIN_BOTTOM_CM)
        section.left_margin, section.right_margin = Cm(MARGIN_LEFT_CM), Cm(MARGIN_RIGHT_CM)
        section.header_distance = Cm(1.0)
        # Page numbers centred at the top, from page 2 (the first page's header stays empty).
        section.different_first_page_header_footer = True
        para = section.header.paragraphs[0]
        para.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _page_field(para)

    def _styles(self) -> None:
        normal = self.doc.styles["Normal"]
        normal.font.name = FONT
        normal.font.size = Pt(BODY_PT)
        # East-Asian and complex-script font slots too, or Word falls back for Vietnamese letters.
        rpr = normal.element.get_or_add_rPr()
        fonts = rpr.find(qn("w:rFonts"))
        if fonts is None:
            fonts = OxmlElement("w:rFonts")
            rpr.append(fonts)
        for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
            fonts.set(qn(slot), FONT)
        fmt = normal.paragraph_format
        fmt.space_before, fmt.space_after = Pt(0), Pt(6)
        fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE

    # --- the parts, top to bottom -----------------------------------------------------------------
    def _heading(self, issuer: Issuer, number: str) -> None:
        table = self.doc.add_table(rows=1, cols=2)
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        # The national heading (12 pt bold) needs ~9.3 cm on one line; the bloc's name takes the rest.
        left_cm, right_cm = 7.0, TEXT_WIDTH_CM - 7.0
        _set_widths(table, [left_cm, right_cm])
        left, right = table.rows[0].cells
        bloc = issuer.bloc_name.upper()
        if issuer.head_unit:
            _line(left.paragraphs[0], bloc, size=11)
            _line(left.add_paragraph(), issuer.head_unit.upper(), size=12, bold=True)
        else:
            _line(left.paragraphs[0], bloc, size=12, bold=True)
        _rule(left.add_paragraph(), cell_cm=left_cm, rule_cm=2.0)
        _line(left.add_paragraph(), number, size=13)
        _line(right.paragraphs[0], NATION, size=12, bold=True)
        _line(right.add_paragraph(), MOTTO, size=13, bold=True)
        _rule(right.add_paragraph(), cell_cm=right_cm, rule_cm=len(MOTTO) * 0.2)
        _line(right.add_paragraph(), place_date(issuer.place, issuer.day), size=13, italic=True)

    def _title(self, doc_type: str, summary: str) -> None:
        para = self.doc.add_paragraph()
        para.paragraph_format.space_before = Pt(18)
        para.paragraph_format.space_after = Pt(0)
        _line(para, doc_type.upper(), size=BODY_PT, bold=True)
        para = self.doc.add_paragraph()
        para.paragraph_format.space_after = Pt(12)
        _line(para, summary, size=BODY_PT, bold=True)

    # --- the body -----------------------------------------------------------------------------------
    def centered(self, text: str, *, bold: bool = False, italic: bool = False) -> Paragraph:
        para = self.doc.add_paragraph()
        _line(para, text, size=BODY_PT, bold=bold, italic=italic)
        return para

    def para(self, text: str = "", *, label: str | None = None, bold: bool = False, indent: bool = True) -> Paragraph:
        """A justified body paragraph, first line indented 1 cm; ``label`` in bold before the text."""
        para = self.doc.add_paragraph()
        para.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        if indent:
            para.paragraph_format.first_line_indent = Cm(1.0)
        para.paragraph_format.line_spacing = 1.15
        if label:
            para.add_run(label).bold = True
        run = para.add_run(text)
        run.bold = bold
        return para

    def small(self, label: str, text: str) -> Paragraph:
        """A left-aligned 11 pt line for what does not justify well (a hash, a code list)."""
        para = self.doc.add_paragraph()
        para.paragraph_format.left_indent = Cm(1.0)
        para.paragraph_format.space_after = Pt(2)
        para.add_run(label).font.size = Pt(11)
        run = para.add_run(text)
        run.font.size = Pt(11)
        run.font.name = "Courier New"
        return para

    def heading(self, text: str) -> Paragraph:
        para = self.para(text, bold=True)
        para.paragraph_format.space_before = Pt(6)
        para.paragraph_format.keep_with_next = True
        return para

    def table(self, header: Sequence[str], rows: Sequence[Sequence[str]], *, numeric: Sequence[int] = ()) -> None:
        """A bordered table, 13 pt, columns fitted to the content; ``numeric`` columns are centred."""
        widths = fit_widths([list(header), *[list(r) for r in rows]])
        table = self.doc.add_table(rows=1, cols=len(header))
        table.style = "Table Grid"
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        for cell, text in zip(table.rows[0].cells, header, strict=True):
            _cell(cell, text, bold=True, center=True)
        for row in rows:
            cells = table.add_row().cells
            for i, (cell, text) in enumerate(zip(cells, row, strict=True)):
                _cell(cell, str(text), center=i in numeric)
        _set_widths(table, widths)
        _repeat_header(table.rows[0])
        self.doc.add_paragraph().paragraph_format.space_after = Pt(0)

    def signatures(self, signers: Sequence[Signer]) -> None:
        """Signature blocks side by side: the role in bold capitals, room to sign and stamp, the name."""
        # One signer signs on the right half of the page, as letters are signed.
        slots: list[Signer | None] = [None, *signers] if len(signers) == 1 else list(signers)
        table = self.doc.add_table(rows=1, cols=len(slots))
        table.autofit = False
        _set_widths(table, [TEXT_WIDTH_CM / len(slots)] * len(slots))
        for cell, signer in zip(table.rows[0].cells, slots, strict=True):
            if signer is None:
                continue
            first = True
            for line in signer.title.split("\n"):
                para = cell.paragraphs[0] if first else cell.add_paragraph()
                _line(para, line.upper(), size=BODY_PT, bold=True)
                para.paragraph_format.space_after = Pt(0)
                first = False
            hint = cell.add_paragraph()
            _line(hint, "(Ký, ghi rõ họ tên)", size=12, italic=True)
            for _ in range(4):  # room to sign and stamp (about 3 cm)
                cell.add_paragraph().paragraph_format.space_after = Pt(6)
            _line(cell.add_paragraph(), signer.name or "", size=BODY_PT, bold=True)

    def recipients(self, lines: Sequence[str]) -> None:
        """"Nơi nhận:" (bold italic 12 pt), then each recipient in 11 pt, "-" before and ";" after,
        the last one "- Lưu: …"."""
        para = self.doc.add_paragraph()
        para.paragraph_format.space_before = Pt(12)
        para.paragraph_format.space_after = Pt(0)
        run = para.add_run("Nơi nhận:")
        run.bold, run.italic, run.font.size = True, True, Pt(12)
        for index, line in enumerate(lines):
            para = self.doc.add_paragraph()
            para.paragraph_format.space_after = Pt(0)
            end = "." if index == len(lines) - 1 else ";"
            para.add_run(f"- {line.rstrip(';.')}{end}").font.size = Pt(11)

    def bytes(self) -> bytes:
        out = io.BytesIO()
        self.doc.save(out)
        return out.getvalue()


# --- python-docx helpers -----------------------------------------------------------------------------

def _line(para: Paragraph, text: str, *, size: float, bold: bool = False, italic: bool = False) -> None:
    para.alignment = WD_ALIGN_PARAGRAPH.CENTER
    para.paragraph_format.space_after = Pt(0)
    run = para.add_run(text)
    run.font.size = Pt(size)
    run.bold, run.italic = bold, italic


def _rule(para: Paragraph, *, cell_cm: float, rule_cm: float) -> None:
    """A centred horizontal rule ``rule_cm`` long: the paragraph's bottom border, narrowed by indents."""
    side = max(0.0, (cell_cm - 0.4 - rule_cm) / 2)
    para.paragraph_format.left_indent = Cm(side)
    para.paragraph_format.right_indent = Cm(side)
    para.paragraph_format.space_after = Pt(4)
    fmt = para.paragraph_format.element.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    fmt.append(borders)
    para.add_run().font.size = Pt(2)


def _cell(cell: _Cell, text: str, *, bold: bool = False, center: bool = False) -> None:
    para = cell.paragraphs[0]
    para.paragraph_format.space_after = Pt(0)
    para.alignment = WD_ALIGN_PARAGRAPH.CENTER if center else WD_ALIGN_PARAGRAPH.LEFT
    run = para.add_run(text)
    run.font.size = Pt(13)
    run.bold = bold


def _set_widths(table: Table, widths_cm: Sequence[float]) -> None:
    """Word reads the cells' widths, LibreOffice the grid's: set both."""
    grid = table._tbl.tblGrid
    for col, width in zip(grid.findall(qn("w:gridCol")), widths_cm, strict=True):
        col.set(qn("w:w"), str(int(Cm(width).twips)))
    for row in table.rows:
        for cell, width in zip(row.cells, widths_cm, strict=True):
            cell.width = Cm(width)


def _repeat_header(row: _Row) -> None:
    """The header row is repeated at the top of every page the table runs onto."""
    props = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    props.append(header)


def _page_field(para: Paragraph) -> None:
    run = para.add_run()
    run.font.size = Pt(13)
    for tag, attrs, text in (("w:fldChar", {"w:fldCharType": "begin"}, None),
                             ("w:instrText", {"xml:space": "preserve"}, " PAGE "),
                             ("w:fldChar", {"w:fldCharType": "separate"}, None),
                             ("w:t", {}, "2"),
                             ("w:fldChar", {"w:fldCharType": "end"}, None)):
        element = OxmlElement(tag)
        for key, value in attrs.items():
            element.set(qn(key), value)
        if text is not None:
            element.text = text
        run._r.append(element)
