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
