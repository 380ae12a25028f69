"""Texts for text-only platforms (Zalo): numbered choices, what Zalo cannot carry, and the
``<key>.nogroup`` variants of foundation texts that would otherwise send a person to a group chat
(``Request.t`` picks them on a platform without group chats)."""

MESSAGES: dict[str, dict[str, str]] = {
    # --- numbered choices (buttons on a text-only chat) -----------------------------------------------
    "menu.reply_number": {
        "vi": "Trả lời bằng một số (1–{last}) để chọn.",
        "en": "Answer with a number (1–{last}) to choose.",
    },
    "menu.reply_numbers": {
        "vi": "Trả lời bằng số bạn chọn, nhiều số thì cách nhau bởi dấu cách (hoặc gõ đủ lệnh: {command} <số> ...).",
        "en": "Answer with the number you choose, several separated by spaces (or type the whole command: {command} <number> ...).",
    },
    "menu.out_of_range": {
        "vi": "Không có lựa chọn số {number}: hãy trả lời một số từ 1 đến {last}.",
        "en": "There is no choice {number}: answer with a number from 1 to {last}.",
    },
    "menu.one_number": {
        "vi": "Ở đây chỉ chọn một mục: hãy trả lời một số từ 1 đến {last}.",
        "en": "Pick just one item here: answer with one number from 1 to {last}.",
    },
    # --- what Zalo cannot carry ------------------------------------------------------------------------
    "zalo.document": {
        "vi": "📎 Kèm tệp «{name}» ({size}): Zalo không gửi được tệp. Xem tệp trên Telegram của khối hoặc nhờ Trưởng khối gửi qua email.",
        "en": "📎 With the file «{name}» ({size}): Zalo cannot carry files. See it on the bloc's Telegram or ask the bloc head to email it.",
    },
    "zalo.document_link": {
        "vi": "📎 Tệp «{name}» ({size}), tải về tại: {url}\n(đường dẫn dùng đến {expires})",
        "en": "📎 File «{name}» ({size}), download it here: {url}\n(the link works until {expires})",
    },
    "zalo.unsupported": {
        "vi": "Bot chỉ đọc được tin nhắn chữ và ảnh. Hãy gõ lệnh (ví dụ /help), hoặc gửi ảnh chụp hay đường dẫn của văn bản cần nộp.",
        "en": "The bot only reads text and photos. Type a command (e.g. /help), or send a photo or a link of the document to submit.",
    },
    "zalo.group_unsupported": {
        "vi": "KhốiBot trên Zalo chỉ làm việc trong chat riêng. Hãy nhắn riêng cho bot.",
        "en": "KhốiBot on Zalo works in private chats only. Please message the bot privately.",
    },
    # --- /setup in a private chat (platforms without group chats) ---------------------------------------
    "setup.done_private": {
        "vi": "✅ Đã tạo khối «{bloc}». Khối không có nhóm chat: mọi thông báo của khối được gửi riêng cho từng cán bộ.\n{name} tạm quản trị khối cho đến khi cả đơn vị Trưởng khối và đơn vị Phó trưởng khối đều có cán bộ.\nCác bước tiếp theo:\n1. Thêm đơn vị: /unit_add <MÃ> <tên đơn vị> (có thể nhiều dòng, mỗi dòng một đơn vị)\n2. Mời cán bộ từng đơn vị: /invite <MÃ>, rồi chuyển mã cho cán bộ\n3. Đặt Trưởng khối, Phó trưởng khối: /head <MÃ>, /deputy <MÃ>",
        "en": "✅ Bloc «{bloc}» created. It has no group chat: every bloc notice reaches each officer privately.\n{name} administers it until both the head's and the deputy's units have an officer.\nNext steps:\n1. Add units: /unit_add <CODE> <unit name> (several lines allowed, one unit per line)\n2. Invite each unit's officer: /invite <CODE>, then pass the code on\n3. Set the head and deputy: /head <CODE>, /deputy <CODE>",
    },
    "setup.already_private": {
        "vi": "Bạn đã thuộc khối «{bloc}»; chat riêng của bạn với bot làm việc cho khối đó. Để tạo khối khác, hãy dùng một tài khoản khác.",
        "en": "You already belong to bloc «{bloc}»; your private chat with the bot works for it. To create another bloc, use another account.",
    },
    # --- foundation texts, as said where there is no group chat ------------------------------------------
    "cmd.setup.nogroup": {
        "vi": "Tạo một khối thi đua mới (bạn tạm quản trị khối)",
        "en": "Create a new emulation bloc (you administer it at first)",
    },
    "cmd.join.nogroup": {
        "vi": "Nhận đơn vị bằng mã mời của Trưởng khối",
        "en": "Take up your unit with the head's invitation code",
    },
    "args.join.nogroup": {"vi": "<mã mời>", "en": "<invitation code>"},
    "join.usage.nogroup": {
        "vi": "Cách dùng: /join <mã mời>, ví dụ /join K7P3-QX9A. Trưởng khối tạo mã cho đơn vị của bạn bằng /invite <MÃ ĐƠN VỊ> và chuyển cho bạn.",
        "en": "Usage: /join <invitation code>, e.g. /join K7P3-QX9A. The bloc head makes a code for your unit with /invite <UNIT CODE> and passes it on.",
    },
    "err.no_bloc_private.nogroup": {
        "vi": "Bạn chưa thuộc khối thi đua nào. Xin Trưởng khối mã mời của đơn vị bạn rồi gõ /join <mã mời>, ví dụ /join K7P3-QX9A. Nếu bạn lập khối mới: /setup <tên khối>.",
        "en": "You are not in any emulation bloc yet. Ask the bloc head for your unit's invitation code and type /join <code>, e.g. /join K7P3-QX9A. To start a new bloc: /setup <bloc name>.",
    },
    "err.not_officer.nogroup": {
        "vi": "Bạn chưa đại diện cho đơn vị nào trong khối. Xin Trưởng khối mã mời của đơn vị bạn rồi gõ /join <mã mời>.",
        "en": "You do not act for any unit of the bloc yet. Ask the bloc head for your unit's invitation code and type /join <code>.",
    },
    "start.no_unit_line.nogroup": {
        "vi": "Bạn chưa đại diện cho đơn vị nào: xin Trưởng khối mã mời rồi gõ /join <mã mời>.",
        "en": "You do not act for a unit yet: ask the bloc head for an invitation code and type /join <code>.",
    },
    "whoami.no_bloc.nogroup": {
        "vi": "👤 {name}\nBạn chưa thuộc khối thi đua nào. Xin Trưởng khối mã mời rồi gõ /join <mã mời>.",
        "en": "👤 {name}\nYou are not in an emulation bloc yet. Ask the bloc head for an invitation code and type /join <code>.",
    },
    "role.no_officer_yet.nogroup": {
        "vi": "Đơn vị chưa có cán bộ trong khối: gõ /invite {code} để tạo mã mời cán bộ của đơn vị.",
        "en": "The unit has no officer in the bloc yet: type /invite {code} to make an invitation code for its officer.",
    },
}
