"""Texts every feature shares: errors, /start and /help, the private-chat hint."""

MESSAGES: dict[str, dict[str, str]] = {
    "group.busy_private": {
        "vi": "(Nhóm đang có nhiều tin chờ gửi nên bot trả lời bạn ở đây cho nhanh.)",
        "en": "(The group has many messages waiting, so the bot answers you here to be quick.)",
    },
    # --- errors shared by every command ---------------------------------------------------------
    "err.internal": {
        "vi": "⚠️ Xin lỗi, bot gặp lỗi khi xử lý yêu cầu này. Lỗi đã được ghi lại; dữ liệu của bạn không bị thay đổi. Vui lòng thử lại sau ít phút.",
        "en": "⚠️ Sorry, something went wrong while handling this. It has been logged and nothing was changed. Please try again in a few minutes.",
    },
    "err.unknown_command": {
        "vi": "Bot không có lệnh /{command}. Gõ /help để xem các lệnh bạn dùng được.",
        "en": "There is no /{command} command. Type /help to see the commands you can use.",
    },
    "err.group_only": {
        "vi": "Lệnh /{command} chỉ dùng trong nhóm chat của khối thi đua. Hãy gõ lệnh trong nhóm.",
        "en": "/{command} only works in the bloc's group chat. Please type it in the group.",
    },
    "err.private_only": {
        "vi": "Lệnh /{command} chỉ dùng trong chat riêng với bot. Hãy mở chat riêng với bot rồi gõ lại.",
        "en": "/{command} only works in a private chat with the bot. Open a private chat with the bot and type it there.",
    },
    "err.not_bound_group": {
        "vi": "Nhóm này chưa gắn với khối thi đua nào. Quản trị viên nhóm gõ /setup <tên khối> để bắt đầu, ví dụ:\n/setup Khối thi đua Văn hóa – Xã hội",
        "en": "This group is not bound to an emulation bloc yet. A group admin types /setup <bloc name> to start, e.g.:\n/setup Culture–Society bloc",
    },
    "err.no_bloc_private": {
        "vi": "Bạn chưa thuộc khối thi đua nào. Hãy vào nhóm chat của khối và gõ /join <MÃ ĐƠN VỊ> (xem các mã bằng /units trong nhóm).",
        "en": "You are not in any emulation bloc yet. Go to the bloc's group chat and type /join <UNIT CODE> (see the codes with /units there).",
    },
    "err.not_manager": {
        "vi": "Chỉ cán bộ của đơn vị Trưởng khối hoặc Phó trưởng khối mới dùng được lệnh /{command}. Xem vai trò của bạn bằng /whoami.",
        "en": "Only officers of the head or deputy unit can use /{command}. See your roles with /whoami.",
    },
    "err.not_officer": {
        "vi": "Bạn chưa đại diện cho đơn vị nào trong khối. Gõ /join <MÃ ĐƠN VỊ> trong nhóm của khối để đăng ký (xem mã bằng /units).",
        "en": "You do not act for any unit of the bloc yet. Type /join <UNIT CODE> in the bloc's group to register (see codes with /units).",
    },
    "callback.invalid": {
        "vi": "Lựa chọn này không hợp lệ hoặc đã hết hiệu lực. Gõ /help để xem các lệnh.",
        "en": "This choice is invalid or has expired. Type /help to see the commands.",
    },
    "private.text_hint": {
        "vi": "Tôi chỉ hiểu các lệnh bắt đầu bằng dấu /, ví dụ /help.",
        "en": "I only understand commands that start with /, e.g. /help.",
    },
    "name.too_long": {
        "vi": "Tên dài {length} ký tự, quá giới hạn {limit} ký tự. Hãy rút gọn rồi gửi lại.",
        "en": "The name is {length} characters long, over the {limit}-character limit. Please shorten it and send it again.",
    },
    # --- /start, /help ------------------------------------------------------------------------
    "start.private": {
        "vi": "Xin chào {name}! Tôi là KhốiBot, trợ lý của khối thi đua: nhắc lịch hội nghị và hạn nộp báo cáo, thu ký giao ước thi đua, tổ chức bỏ phiếu kín bình xét, suy tôn và bầu Trưởng khối.\n{unit_line}\nGõ /help để xem các lệnh.",
        "en": "Hello {name}! I am KhốiBot, the emulation bloc's assistant: I remind units of conferences and report deadlines, collect pledge signatures, and run secret ballots for awards and the election of the bloc head.\n{unit_line}\nType /help to see the commands.",
    },
    "start.unit_line": {
        "vi": "Bạn đang đại diện cho đơn vị {code} — {unit} (khối «{bloc}»).",
        "en": "You act for unit {code} — {unit} (bloc «{bloc}»).",
    },
    "start.admin_line": {
        "vi": "Bạn đang tạm quản trị khối «{bloc}».",
        "en": "You are the provisional administrator of bloc «{bloc}».",
    },
    "start.no_unit_line": {
        "vi": "Bạn chưa đại diện cho đơn vị nào: vào nhóm của khối và gõ /join <MÃ ĐƠN VỊ>.",
        "en": "You do not act for a unit yet: go to the bloc's group and type /join <UNIT CODE>.",
    },
    "start.group_unbound": {
        "vi": "Xin chào! Tôi là KhốiBot. Để dùng bot cho khối thi đua của nhóm này, quản trị viên nhóm gõ:\n/setup <tên khối>\nví dụ: /setup Khối thi đua Văn hóa – Xã hội",
        "en": "Hello! I am KhốiBot. To use me for this group's emulation bloc, a group admin types:\n/setup <bloc name>\ne.g. /setup Culture–Society bloc",
    },
    "start.group_bound": {
        "vi": "Nhóm này là nhóm của khối «{bloc}». Gõ /help để xem các lệnh, /units để xem các đơn vị.",
        "en": "This group belongs to bloc «{bloc}». Type /help for the commands, /units for the member units.",
    },
    "start.bad_payload": {
        "vi": "Liên kết này không đúng hoặc đã hết hiệu lực. Gõ /help để xem các lệnh.",
        "en": "This link is wrong or has expired. Type /help to see the commands.",
    },
    "help.header": {"vi": "Các lệnh bạn dùng được ở đây:", "en": "Commands you can use here:"},
    "help.header_manager": {"vi": "Lệnh quản trị khối:", "en": "Bloc management:"},
    "help.footer_unbound": {
        "vi": "Nhóm chưa gắn với khối: quản trị viên nhóm gõ /setup <tên khối>.",
        "en": "This group has no bloc yet: a group admin types /setup <bloc name>.",
    },
    # --- command descriptions (also Telegram's command menu; at most 256 characters) ---------------
    "cmd.start": {"vi": "Giới thiệu bot và vai trò của bạn", "en": "About the bot and your role"},
    "cmd.help": {"vi": "Các lệnh bạn dùng được ở đây", "en": "The commands you can use here"},
}
