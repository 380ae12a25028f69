"""Texts of the score table (bảng tiêu chuẩn chấm điểm), self-scoring and the ranking."""

MESSAGES: dict[str, dict[str, str]] = {
    # --- what is wrong with a workbook (each names its cell) --------------------------------------
    "scores.too_big": {"vi": "Tệp {size} MB, quá 5 MB: gửi bảng điểm không kèm ảnh hay dữ liệu khác.", "en": "The file is {size} MB, over 5 MB: send the sheet without pictures or other data."},
    "scores.not_xlsx": {"vi": "Đây không phải tệp Excel .xlsx: mở bằng Excel, «Lưu thành» Excel Workbook (.xlsx) rồi gửi lại.", "en": "This is not an Excel .xlsx file: open it in Excel, save as Excel Workbook (.xlsx) and send it again."},
    "scores.macros": {"vi": "Tệp có macro: gửi bản .xlsx không macro (Excel: «Lưu thành» Excel Workbook).", "en": "The file contains macros: send a plain .xlsx (Excel: Save as Excel Workbook)."},
    "scores.formula": {"vi": "Ô {cell}: công thức chưa có giá trị tính sẵn; mở tệp bằng Excel, lưu lại rồi gửi (hoặc gõ số thay cho công thức).", "en": "Cell {cell}: a formula with no saved value; open the file in Excel, save it and send it again (or type the number)."},
    "scores.table_no_header": {"vi": "Không thấy dòng tiêu đề «Mã | Tiêu chí | Điểm tối đa | Loại»: dùng mẫu bảng do /scoretable gửi.", "en": "No header row «Mã | Tiêu chí | Điểm tối đa | Loại»: use the layout /scoretable sends."},
    "scores.cell_not_number": {"vi": "Ô {cell}: «{value}» không phải là số.", "en": "Cell {cell}: «{value}» is not a number."},
    "scores.table_bad_kind": {"vi": "Ô {cell}: loại «{value}» không rõ; để trống, ghi «điểm thưởng» hoặc «điểm trừ».", "en": "Cell {cell}: kind «{value}» is unknown; leave it empty, or write «điểm thưởng» or «điểm trừ»."},
    "scores.table_duplicate": {"vi": "Mã tiêu chí {code} xuất hiện hai lần.", "en": "Criterion code {code} appears twice."},
    "scores.table_bad_max": {"vi": "Tiêu chí {code}: điểm tối đa {max} phải lớn hơn 0 và theo bước 0,25.", "en": "Criterion {code}: maximum {max} must be above 0 and in steps of 0.25."},
    "scores.table_sum": {"vi": "Tiêu chí {code}: điểm tối đa {max} khác tổng điểm tối đa các tiêu chí con ({sum}).", "en": "Criterion {code}: maximum {max} differs from the sum of its sub-criteria ({sum})."},
    "scores.table_empty": {"vi": "Bảng không có tiêu chí điểm thường nào.", "en": "The table has no ordinary criterion."},
    "scores.other_unit": {"vi": "Đây là bảng điểm của đơn vị {found}, không phải của {code}: tải bảng của đơn vị bằng /score.", "en": "This is unit {found}'s sheet, not {code}'s: get your unit's sheet with /score."},
    "scores.other_year": {"vi": "Bảng điểm năm {found}, không phải năm {year}: tải bảng năm {year} bằng /score.", "en": "A sheet for {found}, not {year}: get the {year} sheet with /score."},
    "scores.rows_moved": {"vi": "Dòng {row}: mã tiêu chí «{found}» thay cho «{code}»: các dòng đã bị di chuyển, xóa hoặc thêm. Tải lại bảng bằng /score và chỉ điền cột điểm, minh chứng.", "en": "Row {row}: criterion «{found}» instead of «{code}»: rows were moved, deleted or added. Get the sheet again with /score and fill in only the score and evidence columns."},
    "scores.rows_added": {"vi": "Dòng {row}: «{found}» thêm vào sau tiêu chí cuối: không thêm dòng vào bảng điểm.", "en": "Row {row}: «{found}» added after the last criterion: do not add rows to the sheet."},
    "scores.missing": {"vi": "Thiếu điểm tiêu chí {code} (ô {cell}).", "en": "Criterion {code} has no score (cell {cell})."},
    "scores.negative": {"vi": "Ô {cell}: {value} điểm âm; điểm trừ ghi số dương ở dòng điểm trừ.", "en": "Cell {cell}: {value} is negative; deductions are written as positive numbers on their row."},
    "scores.over_max": {"vi": "Ô {cell}: {value} điểm vượt điểm tối đa {max} của tiêu chí {code}", "en": "Cell {cell}: {value} points exceed criterion {code}'s maximum of {max}"},
    "scores.off_step": {"vi": "Ô {cell}: {value} điểm không theo bước 0,25 (ví dụ 7; 7,25; 7,5; 7,75).", "en": "Cell {cell}: {value} is not in steps of 0.25 (e.g. 7, 7.25, 7.5, 7.75)."},
}
