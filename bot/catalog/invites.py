"""Texts of one-time codes: /invite (an officer for a unit), /link (another account), /join <code>."""

MESSAGES: dict[str, dict[str, str]] = {
    "cmd.invite": {
        "vi": "Tạo mã mời cán bộ của một đơn vị (dùng cho Zalo)",
        "en": "One-time code inviting a unit's officer (for Zalo)",
    },
    "cmd.link": {
        "vi": "Mã để dùng thêm tài khoản Zalo hoặc Telegram của bạn",
        "en": "Code to add your other Zalo or Telegram account",
    },
    "args.invite": {"vi": "<MÃ ĐƠN VỊ>", "en": "<UNIT CODE>"},
    "invite.usage": {
        "vi": "Cách dùng: /invite <MÃ ĐƠN VỊ>, ví dụ /invite YTE. Bot gửi bạn một mã dùng một lần; cán bộ của đơn vị nhắn riêng cho bot (trên Zalo hoặc Telegram): /join <mã>.",
        "en": "Usage: /invite <UNIT CODE>, e.g. /invite YTE. The bot gives you a one-time code; the unit's officer messages the bot privately (on Zalo or Telegram): /join <code>.",
    },
    "invite.needs_private": {
        "vi": "Mã mời chỉ gửi trong chat riêng để người khác trong nhóm không dùng mất. Hãy nhắn /start cho bot trong chat riêng, rồi gõ lại /{command} ở đó.",
        "en": "Codes are only sent in a private chat, so nobody else in the group can use them. Send /start to the bot privately, then type /{command} there.",
    },
    "invite.created": {
        "vi": "🎟 Mã mời cán bộ đơn vị {unit_code} — {unit}: {code}\nDùng một lần, hết hạn {expires}.\nChuyển cho cán bộ của đơn vị: họ nhắn riêng cho KhốiBot (trên Zalo hoặc Telegram) dòng sau:\n/join {code}",
        "en": "🎟 Invitation code for unit {unit_code} — {unit}: {code}\nSingle use, expires {expires}.\nPass it on to the unit's officer, who sends KhốiBot this line privately (on Zalo or Telegram):\n/join {code}",
    },
    "invite.sent_privately": {
        "vi": "Đã gửi mã vào chat riêng của bạn với bot.",
        "en": "The code was sent to your private chat with the bot.",
    },
    "invite.private_failed": {
        "vi": "Không gửi được mã vào chat riêng của bạn (bạn đã chặn bot?). Hãy mở chat riêng với bot, nhắn /start, rồi gõ lại /{command} ở đó.",
        "en": "The code could not be sent to your private chat (did you block the bot?). Open a private chat with the bot, send /start, then type /{command} there.",
    },
    "link.created": {
        "vi": "🔗 Mã liên kết tài khoản: {code} (dùng một lần, hết hạn {expires}).\nTừ tài khoản kia của bạn (ví dụ trên Zalo), nhắn riêng cho KhốiBot dòng sau:\n/join {code}\nTài khoản đó sẽ là của bạn: cùng đơn vị, cùng quyền, nhận cùng nhắc việc.",
        "en": "🔗 Account link code: {code} (single use, expires {expires}).\nFrom your other account (e.g. on Zalo), send KhốiBot this line privately:\n/join {code}\nThat account becomes yours: same unit, same rights, same reminders.",
    },
    "invite.unknown": {
        "vi": "Mã {code} không đúng. Kiểm tra lại mã (8 ký tự, ví dụ K7P3-QX9A) hoặc xin Trưởng khối mã mới.",
        "en": "Code {code} is not valid. Check it (8 characters, e.g. K7P3-QX9A) or ask the bloc head for a new one.",
    },
    "invite.used": {
        "vi": "Mã {code} đã được dùng. Mỗi mã chỉ dùng được một lần: xin Trưởng khối mã mới.",
        "en": "Code {code} has already been used. Each code works once: ask the bloc head for a new one.",
    },
    "invite.expired": {
        "vi": "Mã {code} đã hết hạn. Xin Trưởng khối mã mới.",
        "en": "Code {code} has expired. Ask the bloc head for a new one.",
    },
    "invite.joined": {
        "vi": "✅ {name} đại diện cho đơn vị {code} — {unit} trong khối «{bloc}». Nhắc việc của đơn vị sẽ đến đây. Gõ /help để xem các lệnh.",
        "en": "✅ {name} now acts for unit {code} — {unit} in bloc «{bloc}». The unit's reminders will arrive here. Type /help to see the commands.",
    },
    "link.done": {
        "vi": "✅ Tài khoản này đã liên kết với {name} (khối «{bloc}»): cùng đơn vị, cùng quyền; nhắc việc đến cả tài khoản này.",
        "en": "✅ This account is now linked to {name} (bloc «{bloc}»): same unit, same rights; reminders reach this account too.",
    },
    "link.same_person": {
        "vi": "Tài khoản này đã là của bạn rồi: mã liên kết dùng trên tài khoản kia của bạn (ví dụ trên Zalo).",
        "en": "This account is already yours: use the link code from your other account (e.g. on Zalo).",
    },
    "link.account_busy": {
        "vi": "Tài khoản này đang đại diện cho một đơn vị hoặc quản trị một khối, nên không gộp được. Gõ /leave trên tài khoản này trước, rồi dùng lại mã.",
        "en": "This account acts for a unit or administers a bloc, so it cannot be merged. Type /leave on it first, then use the code again.",
    },
    # --- a /join request whose approvers cannot see the chat it was typed in -----------------------------
    "join.request_sent": {
        "vi": "Đã gửi yêu cầu đại diện cho đơn vị {code} — {unit} tới Trưởng khối, Phó trưởng khối. Bạn sẽ nhận tin khi yêu cầu được duyệt.",
        "en": "Your request to act for unit {code} — {unit} was sent to the head and deputy. You will hear when it is approved.",
    },
    "join.request_dm": {
        "vi": "🙋 {name} xin đại diện cho đơn vị {code} — {unit} (khối «{bloc}»). Bạn có duyệt không?",
        "en": "🙋 {name} asks to act for unit {code} — {unit} (bloc «{bloc}»). Do you approve?",
    },
}
