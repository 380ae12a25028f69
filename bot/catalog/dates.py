"""Texts of the date and time reader."""

_FORMS_VI = ("Các cách ghi được chấp nhận: 20/12/2026 08:00 · 20/12/2026 8h · 8h30 20/12/2026 · "
             "20/12 14:00 (năm nay, hoặc năm sau nếu đã qua) · 2026-12-20 08:00 · "
             "10:30 (hôm nay, hoặc ngày mai nếu đã qua giờ đó).")
_FORMS_EN = ("Accepted forms: 20/12/2026 08:00 · 20/12/2026 8h · 8h30 20/12/2026 · "
             "20/12 14:00 (this year, or next year if past) · 2026-12-20 08:00 · "
             "10:30 (today, or tomorrow if that time has passed).")

MESSAGES: dict[str, dict[str, str]] = {
    "date.invalid": {
        "vi": "Không đọc được thời gian «{value}». " + _FORMS_VI,
        "en": "Could not read the time «{value}». " + _FORMS_EN,
    },
    "date.no_time": {
        "vi": "Thiếu giờ trong «{value}»: hãy ghi cả giờ, ví dụ 20/12/2026 08:00. " + _FORMS_VI,
        "en": "«{value}» has no time of day: add it, e.g. 20/12/2026 08:00. " + _FORMS_EN,
    },
    "date.bad_time": {
        "vi": "Giờ trong «{value}» không hợp lệ (giờ 0–23, phút 0–59). " + _FORMS_VI,
        "en": "The time in «{value}» is not valid (hours 0–23, minutes 0–59). " + _FORMS_EN,
    },
    "date.impossible": {
        "vi": "Ngày «{value}» không có trên lịch. Hãy kiểm tra ngày và tháng. " + _FORMS_VI,
        "en": "The date «{value}» does not exist. Check the day and month. " + _FORMS_EN,
    },
    "date.past": {
        "vi": "Thời điểm «{value}» đã qua (bây giờ là {now}). Hãy ghi một thời điểm sắp tới. " + _FORMS_VI,
        "en": "«{value}» is in the past (it is now {now}). Give a time still to come. " + _FORMS_EN,
    },
}
