"""Texts of /remind_config (the bloc's reminder plans)."""

_TOKENS_VI = ("Cách ghi: 7n = 7 ngày trước, 2g = 2 giờ trước, 30p = 30 phút trước (thêm ! để giữ đúng giờ, "
              "kể cả ngoài giờ hành chính: 2g!) · 08:00 = lúc 8 giờ ngày đến hạn · +1 = 8 giờ sáng ngày làm "
              "việc thứ 1 sau hạn (+2@09:00: 9 giờ ngày làm việc thứ 2) · tổng+4 = báo cáo tổng hợp gửi "
              "Trưởng khối vào ngày làm việc thứ 4 sau hạn.")
_TOKENS_EN = ("Tokens: 7d = 7 days before, 2h = 2 hours before, 30m = 30 minutes before (add ! to keep the exact "
              "time even outside working hours: 2h!) · 08:00 = at 8 o'clock on the due day · +1 = 08:00 on the "
              "1st working day after (+2@09:00: 09:00 on the 2nd) · sum+4 = the summary to the head on the 4th "
              "working day after.")

MESSAGES: dict[str, dict[str, str]] = {
    "cmd.remind_config": {"vi": "Xem, đặt lịch nhắc việc của khối", "en": "See or set the bloc's reminder plans"},
    "args.remind_config": {"vi": "[han|hoinghi|giaouoc|phieu <lịch>]", "en": "[deadline|meeting|pledge|vote <plan>]"},
    "cmd.holiday": {"vi": "Ngày nghỉ lễ (không nhắc việc); thêm ngày nghỉ của khối", "en": "Days off (no reminders); add the bloc's own"},
    "args.holiday": {"vi": "[<ngày> <tên>]", "en": "[<date> <name>]"},
    "cmd.holiday_remove": {"vi": "Bỏ một ngày nghỉ khối đã thêm", "en": "Remove a day off the bloc added"},
    "args.holiday_remove": {"vi": "<ngày>", "en": "<date>"},
    "holiday.header": {"vi": "📅 Ngày nghỉ trong 12 tháng tới (khối «{bloc}» không nhắc việc vào các ngày này):", "en": "📅 Days off in the next 12 months (bloc «{bloc}» sends no reminders on them):"},
    "holiday.line": {"vi": "• {day} ({weekday}): {name}", "en": "• {day} ({weekday}): {name}"},
    "holiday.line_own": {"vi": "• {day} ({weekday}): {name} — khối thêm", "en": "• {day} ({weekday}): {name} — added by the bloc"},
    "holiday.help": {
        "vi": "Ngày lễ, Tết theo lịch nhà nước (kể cả Tết âm lịch và ngày nghỉ bù) có sẵn. Trưởng khối thêm ngày nghỉ riêng: /holiday 02/01/2027 Nghỉ bù; bỏ: /holiday_remove 02/01/2027. Nhắc việc rơi vào ngày nghỉ được dời sang buổi sáng ngày làm việc kế tiếp.",
        "en": "Public holidays (Tết by the lunar calendar and swapped days included) are built in. The head adds the bloc's own: /holiday 02/01/2027 Swapped day; removes one: /holiday_remove 02/01/2027. A reminder that would fall on a day off moves to the next working morning.",
    },
    "holiday.usage": {"vi": "Cách dùng: /holiday <ngày> [tên], ví dụ /holiday 02/01/2027 Nghỉ bù Tết Dương lịch. Gõ /holiday để xem các ngày nghỉ.", "en": "Usage: /holiday <date> [name], e.g. /holiday 02/01/2027 Swapped day. Type /holiday to see the days off."},
    "holiday_remove.usage": {"vi": "Cách dùng: /holiday_remove <ngày>, ví dụ /holiday_remove 02/01/2027.", "en": "Usage: /holiday_remove <date>, e.g. /holiday_remove 02/01/2027."},
    "holiday.default_name": {"vi": "Ngày nghỉ của khối", "en": "The bloc's day off"},
    "holiday.added": {"vi": "✅ Đã thêm ngày nghỉ {day}: {name}. Không nhắc việc vào ngày này; đã sắp lại lịch nhắc của {items} việc đang mở.", "en": "✅ Day off {day} added: {name}. No reminders on it; the reminders of {items} open items were replanned."},
    "holiday.removed": {"vi": "✅ Đã bỏ ngày nghỉ {day} ({name}); đã sắp lại lịch nhắc của {items} việc đang mở.", "en": "✅ Day off {day} ({name}) removed; the reminders of {items} open items were replanned."},
    "holiday.past": {"vi": "Ngày {day} đã qua; chỉ thêm ngày nghỉ từ hôm nay trở đi.", "en": "{day} is past; only days from today on can be added."},
    "holiday.exists": {"vi": "Ngày {day} đã là ngày nghỉ: {name}.", "en": "{day} is already a day off: {name}."},
    "holiday.public": {"vi": "Ngày {day} là ngày nghỉ lễ theo lịch nhà nước ({name}), không bỏ được.", "en": "{day} is a public holiday ({name}) and cannot be removed."},
    "holiday.unknown": {"vi": "Khối chưa thêm ngày nghỉ {day}. Xem danh sách bằng /holiday.", "en": "The bloc has not added {day} as a day off. See the list with /holiday."},
    "weekday.0": {"vi": "thứ Hai", "en": "Monday"},
    "weekday.1": {"vi": "thứ Ba", "en": "Tuesday"},
    "weekday.2": {"vi": "thứ Tư", "en": "Wednesday"},
    "weekday.3": {"vi": "thứ Năm", "en": "Thursday"},
    "weekday.4": {"vi": "thứ Sáu", "en": "Friday"},
    "weekday.5": {"vi": "thứ Bảy", "en": "Saturday"},
    "weekday.6": {"vi": "Chủ nhật", "en": "Sunday"},
    "weekday.sat": {"vi": "thứ Bảy", "en": "a Saturday"},
    "weekday.sun": {"vi": "Chủ nhật", "en": "a Sunday"},
    "remind.kind.deadline": {"vi": "Hạn nộp báo cáo", "en": "Document deadlines"},
    "remind.kind.meeting": {"vi": "Hội nghị", "en": "Conferences"},
    "remind.kind.pledge": {"vi": "Ký giao ước thi đua", "en": "Pledge signing"},
    "remind.kind.vote": {"vi": "Bỏ phiếu (trước khi đóng)", "en": "Votes (before closing)"},
    "remind.word.deadline": {"vi": "han", "en": "deadline"},
    "remind.word.meeting": {"vi": "hoinghi", "en": "meeting"},
    "remind.word.pledge": {"vi": "giaouoc", "en": "pledge"},
    "remind.word.vote": {"vi": "phieu", "en": "vote"},
    "remind.header": {
        "vi": "⏰ Lịch nhắc việc của khối «{bloc}» (giờ hành chính 07:30–17:00, thứ Hai–thứ Sáu; nhắc ngoài giờ được dời sang 8 giờ sáng ngày làm việc kế tiếp):",
        "en": "⏰ Reminder plans of bloc «{bloc}» (working hours 07:30–17:00, Monday–Friday; a reminder outside them moves to 08:00 on the next working day):",
    },
    "remind.line": {"vi": "• {kind_name} ({word}): {plan}{default}", "en": "• {kind_name} ({word}): {plan}{default}"},
    "remind.is_default": {"vi": " (mặc định)", "en": " (default)"},
    "remind.help": {
        "vi": "Trưởng khối, Phó trưởng khối đổi lịch: /remind_config <han|hoinghi|giaouoc|phieu> <lịch>, ví dụ\n/remind_config han 5n 1n 08:00 +1 +2 tổng+3\n/remind_config hoinghi 2n 2g!\nTrở về mặc định: /remind_config han macdinh\n" + _TOKENS_VI,
        "en": "The head or deputy changes a plan: /remind_config <deadline|meeting|pledge|vote> <plan>, e.g.\n/remind_config deadline 5d 1d 08:00 +1 +2 sum+3\n/remind_config meeting 2d 2h!\nBack to the default: /remind_config deadline default\n" + _TOKENS_EN,
    },
    "remind.usage": {
        "vi": "Cách dùng: /remind_config <han|hoinghi|giaouoc|phieu> <lịch>, ví dụ /remind_config han 7n 3n 1n 08:00 +1 +2 +3 tổng+4. Gõ /remind_config để xem lịch hiện tại.\n" + _TOKENS_VI,
        "en": "Usage: /remind_config <deadline|meeting|pledge|vote> <plan>, e.g. /remind_config deadline 7d 3d 1d 08:00 +1 +2 +3 sum+4. Type /remind_config to see the current plans.\n" + _TOKENS_EN,
    },
    "remind.unknown_kind": {
        "vi": "Không có lịch nhắc «{value}». Chọn một trong: han (hạn nộp), hoinghi (hội nghị), giaouoc (ký giao ước), phieu (bỏ phiếu).",
        "en": "There is no reminder plan «{value}». Pick one of: deadline, meeting, pledge, vote.",
    },
    "remind.bad_unknown": {
        "vi": "Không hiểu «{token}» trong lịch nhắc. " + _TOKENS_VI,
        "en": "Could not read «{token}» in the plan. " + _TOKENS_EN,
    },
    "remind.bad_bad_time": {
        "vi": "Giờ trong «{token}» không hợp lệ (giờ 0–23, phút 0–59).",
        "en": "The time in «{token}» is not valid (hours 0–23, minutes 0–59).",
    },
    "remind.bad_too_far": {
        "vi": "«{token}» quá xa: nhắc trước tối đa 60 ngày, sau hạn tối đa 20 ngày làm việc.",
        "en": "«{token}» is too far: at most 60 days before, 20 working days after.",
    },
    "remind.bad_not_allowed": {
        "vi": "«{token}» không dùng được cho lịch «{kind_name}»: hội nghị chỉ nhắc trước (và giờ trong ngày); giao ước đóng đúng hạn nên không nhắc quá hạn (+1), chỉ có tổng+N; bỏ phiếu chỉ nhắc trước khi đóng.",
        "en": "«{token}» cannot be used for «{kind_name}»: conferences are reminded before (or at a time on the day); the pledge closes at its deadline, so no overdue notices (+1), only sum+N; votes only before closing.",
    },
    "remind.bad_too_many": {
        "vi": "Lịch nhắc có quá nhiều mốc (tối đa 12).",
        "en": "The plan has too many reminders (12 at most).",
    },
    "remind.bad_repeated": {
        "vi": "Mốc «{token}» bị lặp lại trong lịch nhắc.",
        "en": "«{token}» appears twice in the plan.",
    },
    "remind.bad_empty": {
        "vi": "Lịch nhắc trống. " + _TOKENS_VI,
        "en": "The plan is empty. " + _TOKENS_EN,
    },
    "remind.set": {
        "vi": "✅ Lịch nhắc «{kind_name}» của khối: {plan}. Đã lập lại lịch nhắc cho {items} việc đang mở.",
        "en": "✅ The bloc's «{kind_name}» plan: {plan}. Reminders of {items} open item(s) were replanned.",
    },
}
