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
    # --- usage and guided texts, as read where there are no replies or buttons (Zalo) ------------------
    "cal.deadline.usage.nogroup": {
        "vi": "Cách dùng: /deadline <ngày giờ> | <tiêu đề> [| <số hiệu văn bản>] [| units=MÃ,MÃ], ví dụ\n/deadline 10/12/2026 17:00 | Báo cáo tổng kết thi đua năm 2026 | Kế hoạch 1116/KH-KTĐVHXH\n/deadline 15/12/2026 | Bản tự chấm điểm | units=YTE,GDDT\nKhông ghi giờ thì hạn là 17:00. Không ghi units= thì áp dụng cho mọi đơn vị thành viên. Muốn kèm mẫu: gửi ảnh mẫu với lệnh /deadline ghi ở chú thích ảnh.",
        "en": "Usage: /deadline <date time> | <title> [| <document number>] [| units=CODE,CODE], e.g.\n/deadline 10/12/2026 17:00 | Year-end emulation report 2026 | Plan 1116/KH-KTĐVHXH\n/deadline 15/12/2026 | Self-scoring sheet | units=YTE,GDDT\nWithout a time the deadline is 17:00. Without units= it applies to every member unit. To attach a template: send it as a photo with the /deadline command as its caption.",
    },
    "pledge_open.usage.nogroup": {
        "vi": "Cách dùng: /pledge_open <năm> | <hạn ký dd/mm/yyyy hh:mm> | <nội dung giao ước>\nVí dụ:\n/pledge_open 2027 | 31/01/2027 17:00 | Các đơn vị thành viên cam kết thi đua hoàn thành xuất sắc nhiệm vụ năm 2027...\nNội dung cũng có thể là ảnh chụp văn bản giao ước: gửi ảnh với lệnh /pledge_open 2027 | 31/01/2027 17:00 ghi ở chú thích ảnh. Ghi hạn ký không kèm giờ thì hạn là 17:00 ngày đó.",
        "en": "Usage: /pledge_open <year> | <deadline dd/mm/yyyy hh:mm> | <pledge text>\nExample:\n/pledge_open 2027 | 31/01/2027 17:00 | The member units pledge to excel in their 2027 tasks...\nThe text may also be a photo of the pledge document: send it with /pledge_open 2027 | 31/01/2027 17:00 as its caption. A deadline without a time means 17:00 that day.",
    },
    "pledge.text_too_long.nogroup": {
        "vi": "Nội dung giao ước dài {length} ký tự, quá {limit} ký tự. Hãy gửi ảnh chụp toàn văn với chú thích /pledge_open <năm> | <hạn ký> | <tóm tắt ngắn>.",
        "en": "The pledge text is {length} characters long, over {limit}. Send a photo of the full text captioned /pledge_open <year> | <deadline> | <short summary>.",
    },
    "vote.usage.nogroup": {
        "vi": "Cách dùng: /vote (chọn từng bước bằng số) hoặc một dòng:\n/vote <tên hoặc số danh hiệu> | <dd/mm/yyyy hh:mm hoặc tay> [| MÃ1,MÃ2,...]\nVí dụ: /vote Cờ thi đua của Chính phủ | 20/12/2026 17:00\n/vote 3 | tay | YTE,GDDT,BDT\nXem danh hiệu bằng /awards.",
        "en": "Usage: /vote (step by step, choosing by number) or one line:\n/vote <award name or number> | <dd/mm/yyyy hh:mm or hand> [| CODE1,CODE2,...]\nE.g. /vote Government flag | 20/12/2026 17:00\n/vote 3 | hand | YTE,GDDT,BDT\nSee the awards with /awards.",
    },
    "flow.shortlist.nogroup": {
        "vi": "Bước 2/3: chọn các đơn vị có tên trong phiếu (gõ số), rồi chọn «Xong».",
        "en": "Step 2/3: choose the units on the ballot (type their numbers), then choose «Done».",
    },
    "flow.pick_time.nogroup": {
        "vi": "Bước 3/3: thời gian đóng phiếu. Chọn một mục, hoặc gõ thời gian, ví dụ 20/12/2026 17:00, hoặc «tay» để đóng bằng tay.",
        "en": "Step 3/3: the closing time. Choose an item, or type a time, e.g. 20/12/2026 17:00, or «hand» to close by hand.",
    },
    "flow.not_yours.nogroup": {
        "vi": "Chỉ người gõ /vote mới chọn được ở đây.",
        "en": "Only the person who typed /vote can choose here.",
    },
}
