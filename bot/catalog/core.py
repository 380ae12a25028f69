"""Texts of the foundation: errors, start/help, bloc set-up, units, officers, roles, language."""

MESSAGES: dict[str, dict[str, str]] = {
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
        "vi": "Nút này không hợp lệ hoặc đã hết hiệu lực. Gõ /help để xem các lệnh.",
        "en": "This button is invalid or has expired. Type /help to see the commands.",
    },
    "private.text_hint": {
        "vi": "Tôi chỉ hiểu các lệnh bắt đầu bằng dấu /, ví dụ /help.",
        "en": "I only understand commands that start with /, e.g. /help.",
    },
    "name.too_long": {
        "vi": "Tên dài {length} ký tự, quá giới hạn {limit} ký tự. Hãy rút gọn rồi gửi lại.",
        "en": "The name is {length} characters long, over the {limit}-character limit. Please shorten it and send it again.",
    },
    # --- roles --------------------------------------------------------------------------------
    "role.head": {"vi": "Trưởng khối", "en": "bloc head"},
    "role.deputy": {"vi": "Phó trưởng khối", "en": "deputy head"},
    "role.setup_admin": {"vi": "quản trị tạm thời (người tạo khối)", "en": "provisional administrator (set the bloc up)"},
    "role.officer": {"vi": "cán bộ phụ trách thi đua", "en": "emulation officer"},
    "role.none": {"vi": "chưa có vai trò", "en": "no role yet"},
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
    "cmd.setup": {"vi": "Gắn nhóm này với một khối thi đua mới", "en": "Bind this group to a new emulation bloc"},
    "cmd.unit_add": {"vi": "Thêm đơn vị thành viên", "en": "Add a member unit"},
    "cmd.unit_remove": {"vi": "Bỏ đơn vị khỏi thành viên năm nay", "en": "Remove a unit from this year's members"},
    "cmd.units": {"vi": "Danh sách đơn vị và cán bộ", "en": "Member units and their officers"},
    "cmd.join": {"vi": "Đăng ký đại diện cho đơn vị của bạn", "en": "Ask to act for your unit"},
    "cmd.leave": {"vi": "Thôi đại diện cho đơn vị", "en": "Stop acting for your unit"},
    "cmd.head": {"vi": "Đặt đơn vị Trưởng khối của năm", "en": "Set the head unit of a year"},
    "cmd.deputy": {"vi": "Đặt đơn vị Phó trưởng khối của năm", "en": "Set the deputy unit of a year"},
    "cmd.whoami": {"vi": "Đơn vị và vai trò của bạn", "en": "Your unit and roles"},
    "cmd.lang": {"vi": "Ngôn ngữ của bot trong khối (vi/en)", "en": "The bloc's bot language (vi/en)"},
    "args.setup": {"vi": "<tên khối>", "en": "<bloc name>"},
    "args.unit_add": {"vi": "<MÃ> <tên đơn vị>", "en": "<CODE> <unit name>"},
    "args.unit_remove": {"vi": "<MÃ>", "en": "<CODE>"},
    "args.join": {"vi": "<MÃ>", "en": "<CODE>"},
    "args.head": {"vi": "<MÃ> [năm]", "en": "<CODE> [year]"},
    "args.deputy": {"vi": "<MÃ> [năm]", "en": "<CODE> [year]"},
    "args.lang": {"vi": "vi|en", "en": "vi|en"},
    # --- /setup ------------------------------------------------------------------------------
    "setup.usage": {
        "vi": "Cách dùng: /setup <tên khối>\nVí dụ: /setup Khối thi đua Văn hóa – Xã hội",
        "en": "Usage: /setup <bloc name>\nExample: /setup Culture–Society bloc",
    },
    "setup.not_admin": {
        "vi": "Chỉ quản trị viên của nhóm chat này mới gắn được nhóm với khối thi đua. Nhờ quản trị viên nhóm gõ /setup <tên khối>.",
        "en": "Only an admin of this group chat can bind it to an emulation bloc. Ask a group admin to type /setup <bloc name>.",
    },
    "setup.already": {
        "vi": "Nhóm này đã gắn với khối «{bloc}»; mỗi nhóm chỉ gắn với một khối. Xem đơn vị bằng /units, vai trò bằng /whoami.",
        "en": "This group is already bound to bloc «{bloc}»; a group belongs to one bloc only. See the units with /units and your role with /whoami.",
    },
    "setup.done": {
        "vi": "✅ Đã tạo khối «{bloc}» và gắn với nhóm này.\n{name} tạm quản trị khối cho đến khi đơn vị Trưởng khối hoặc Phó trưởng khối có cán bộ.\nCác bước tiếp theo:\n1. Thêm đơn vị: /unit_add <MÃ> <tên đơn vị> (có thể nhiều dòng, mỗi dòng một đơn vị)\n2. Cán bộ mỗi đơn vị gõ /join <MÃ> để đại diện cho đơn vị mình\n3. Đặt Trưởng khối, Phó trưởng khối: /head <MÃ>, /deputy <MÃ>",
        "en": "✅ Bloc «{bloc}» created and bound to this group.\n{name} administers it until an officer acts for the head or deputy unit.\nNext steps:\n1. Add units: /unit_add <CODE> <unit name> (several lines allowed, one unit per line)\n2. Each unit's officer types /join <CODE>\n3. Set the head and deputy: /head <CODE>, /deputy <CODE>",
    },
    # --- units -------------------------------------------------------------------------------
    "unit_add.usage": {
        "vi": "Cách dùng: /unit_add <MÃ> <tên đơn vị>\nVí dụ: /unit_add VHTTDL Sở Văn hóa, Thể thao và Du lịch\nThêm nhiều đơn vị một lần: mỗi dòng một đơn vị.\nMÃ gồm 2–20 chữ cái không dấu, chữ số, '-' hoặc '_'.",
        "en": "Usage: /unit_add <CODE> <unit name>\nExample: /unit_add VHTTDL Department of Culture, Sports and Tourism\nAdd several units at once: one per line.\nA CODE is 2–20 letters without accents, digits, '-' or '_'.",
    },
    "unit_add.bad_line": {
        "vi": "Dòng {line} «{text}»: {error}\nKhông đơn vị nào được thêm; hãy sửa dòng đó rồi gửi lại cả lệnh.",
        "en": "Line {line} «{text}»: {error}\nNo unit was added; fix that line and send the whole command again.",
    },
    "unit_add.missing_name": {"vi": "thiếu tên đơn vị sau mã.", "en": "the unit name after the code is missing."},
    "unit_add.repeated": {"vi": "mã {code} xuất hiện hai lần trong lệnh.", "en": "code {code} appears twice in the command."},
    "unit.bad_code": {
        "vi": "Mã đơn vị «{code}» không hợp lệ: dùng 2–20 chữ cái không dấu, chữ số, '-' hoặc '_', ví dụ YTE, GDDT, VHTTDL.",
        "en": "Unit code «{code}» is not valid: use 2–20 letters without accents, digits, '-' or '_', e.g. YTE, GDDT, VHTTDL.",
    },
    "unit.duplicate": {
        "vi": "Khối đã có đơn vị mã {code} ({name}). Chọn mã khác, hoặc xem danh sách bằng /units.",
        "en": "The bloc already has a unit with code {code} ({name}). Pick another code, or see the list with /units.",
    },
    "unit.unknown": {
        "vi": "Khối không có đơn vị thành viên mã {code}. Xem các mã bằng /units.",
        "en": "The bloc has no member unit with code {code}. See the codes with /units.",
    },
    "unit.added": {"vi": "✅ Đã thêm {code} — {name}.", "en": "✅ Added {code} — {name}."},
    "unit.readded": {
        "vi": "✅ {code} — {name} trở lại là đơn vị thành viên từ năm {year}.",
        "en": "✅ {code} — {name} is a member unit again from {year}.",
    },
    "unit.added_total": {
        "vi": "Khối hiện có {count} đơn vị thành viên năm {year}.",
        "en": "The bloc now has {count} member units in {year}.",
    },
    "unit_remove.usage": {
        "vi": "Cách dùng: /unit_remove <MÃ>, ví dụ /unit_remove YTE. Xem các mã bằng /units.",
        "en": "Usage: /unit_remove <CODE>, e.g. /unit_remove YTE. See the codes with /units.",
    },
    "unit.removed": {
        "vi": "Đã bỏ {code} — {name} khỏi danh sách thành viên năm {year}. Lịch sử của đơn vị vẫn được lưu.",
        "en": "Removed {code} — {name} from the members of {year}. Its history is kept.",
    },
    "unit.removed_officers": {
        "vi": "Các cán bộ sau thôi đại diện cho đơn vị: {names}.",
        "en": "These officers no longer act for it: {names}.",
    },
    "unit.remove_role_holder": {
        "vi": "Đơn vị {code} đang là {role}; hãy đặt đơn vị khác làm {role} trước (/head hoặc /deputy), rồi bỏ đơn vị.",
        "en": "Unit {code} is the {role}; set another unit as {role} first (/head or /deputy), then remove it.",
    },
    "units.header": {
        "vi": "📋 Đơn vị thành viên khối «{bloc}» năm {year} ({count} đơn vị):",
        "en": "📋 Member units of bloc «{bloc}» in {year} ({count} units):",
    },
    "units.line": {"vi": "{index}. {code} — {name}{roles}", "en": "{index}. {code} — {name}{roles}"},
    "units.officers": {"vi": "   Cán bộ: {names}", "en": "   Officers: {names}"},
    "units.no_officer": {"vi": "   Cán bộ: (chưa có — gõ /join {code})", "en": "   Officers: (none yet — /join {code})"},
    "units.empty": {
        "vi": "Khối «{bloc}» chưa có đơn vị thành viên nào. Trưởng khối thêm bằng /unit_add <MÃ> <tên đơn vị>.",
        "en": "Bloc «{bloc}» has no member units yet. The head adds them with /unit_add <CODE> <unit name>.",
    },
    # --- join / leave ----------------------------------------------------------------------------
    "join.usage": {
        "vi": "Cách dùng: /join <MÃ ĐƠN VỊ>, ví dụ /join YTE. Xem các mã bằng /units.",
        "en": "Usage: /join <UNIT CODE>, e.g. /join YTE. See the codes with /units.",
    },
    "join.already_same": {
        "vi": "Bạn đã đại diện cho đơn vị {code} — {unit} rồi.",
        "en": "You already act for unit {code} — {unit}.",
    },
    "join.already_other": {
        "vi": "Bạn đang đại diện cho đơn vị {code} — {unit}. Mỗi người chỉ đại diện cho một đơn vị; nếu bạn chuyển đơn vị, gõ /leave trước rồi /join lại.",
        "en": "You act for unit {code} — {unit}. A person acts for one unit only; if you moved, type /leave first and then /join again.",
    },
    "join.pending_same": {
        "vi": "Yêu cầu đại diện cho đơn vị {code} của bạn đang chờ Trưởng khối hoặc Phó trưởng khối duyệt.",
        "en": "Your request to act for {code} is waiting for the head or deputy to approve it.",
    },
    "join.request_post": {
        "vi": "🙋 {name} xin đại diện cho đơn vị {code} — {unit}.\nTrưởng khối hoặc Phó trưởng khối bấm nút để duyệt.",
        "en": "🙋 {name} asks to act for unit {code} — {unit}.\nThe head or deputy presses a button to decide.",
    },
    "join.btn_approve": {"vi": "✅ Duyệt", "en": "✅ Approve"},
    "join.btn_reject": {"vi": "❌ Từ chối", "en": "❌ Reject"},
    "join.joined": {
        "vi": "✅ {name} đại diện cho đơn vị {code} — {unit}.",
        "en": "✅ {name} now acts for unit {code} — {unit}.",
    },
    "join.approved_post": {
        "vi": "✅ {name} đại diện cho đơn vị {code} — {unit} (duyệt bởi {approver}).",
        "en": "✅ {name} now acts for unit {code} — {unit} (approved by {approver}).",
    },
    "join.rejected_post": {
        "vi": "❌ Yêu cầu của {name} đại diện cho đơn vị {code} đã bị từ chối (bởi {approver}).",
        "en": "❌ {name}'s request to act for unit {code} was rejected (by {approver}).",
    },
    "join.approved_toast": {"vi": "Đã duyệt.", "en": "Approved."},
    "join.rejected_toast": {"vi": "Đã từ chối.", "en": "Rejected."},
    "join.approved_dm": {
        "vi": "Yêu cầu của bạn đã được duyệt: bạn đại diện cho đơn vị {code} — {unit} trong khối «{bloc}».",
        "en": "Your request was approved: you act for unit {code} — {unit} in bloc «{bloc}».",
    },
    "join.cannot_decide": {
        "vi": "Chỉ Trưởng khối hoặc Phó trưởng khối mới duyệt được yêu cầu này.",
        "en": "Only the head or deputy can decide on this request.",
    },
    "join.request_gone": {
        "vi": "Yêu cầu này đã được xử lý hoặc không còn.",
        "en": "This request has already been decided or no longer exists.",
    },
    "leave.not_officer": {
        "vi": "Bạn chưa đại diện cho đơn vị nào nên không cần /leave.",
        "en": "You do not act for any unit, so there is nothing to leave.",
    },
    "leave.done": {
        "vi": "{name} đã thôi đại diện cho đơn vị {code} — {unit}.",
        "en": "{name} no longer acts for unit {code} — {unit}.",
    },
    # --- /head, /deputy ------------------------------------------------------------------------
    "head.usage": {
        "vi": "Cách dùng: /head <MÃ> [năm], ví dụ /head YTE hoặc /head YTE {next_year}. Không ghi năm là năm nay ({year}).",
        "en": "Usage: /head <CODE> [year], e.g. /head YTE or /head YTE {next_year}. Without a year: this year ({year}).",
    },
    "deputy.usage": {
        "vi": "Cách dùng: /deputy <MÃ> [năm], ví dụ /deputy GDDT hoặc /deputy GDDT {next_year}. Không ghi năm là năm nay ({year}).",
        "en": "Usage: /deputy <CODE> [year], e.g. /deputy GDDT or /deputy GDDT {next_year}. Without a year: this year ({year}).",
    },
    "role.bad_year": {
        "vi": "Năm «{value}» không hợp lệ: ghi năm bằng 4 chữ số, từ {min} đến {max}.",
        "en": "Year «{value}» is not valid: write a 4-digit year from {min} to {max}.",
    },
    "role.not_member": {
        "vi": "Đơn vị {code} không phải thành viên của khối năm {year}.",
        "en": "Unit {code} is not a member of the bloc in {year}.",
    },
    "role.same_unit_both": {
        "vi": "Đơn vị {code} đã là {other} năm {year}; Trưởng khối và Phó trưởng khối phải là hai đơn vị khác nhau.",
        "en": "Unit {code} is already the {other} of {year}; the head and deputy must be different units.",
    },
    "role.unchanged": {
        "vi": "Đơn vị {code} đã là {role} năm {year} rồi.",
        "en": "Unit {code} is already the {role} of {year}.",
    },
    "role.set": {
        "vi": "✅ {code} — {unit} là {role} năm {year}.",
        "en": "✅ {code} — {unit} is the {role} of {year}.",
    },
    "role.replaced": {
        "vi": "(thay cho {code} — {unit})",
        "en": "(replacing {code} — {unit})",
    },
    "role.in_force": {
        "vi": "Cán bộ của đơn vị có quyền quản trị khối từ bây giờ.",
        "en": "The unit's officers can manage the bloc from now on.",
    },
    "role.from_date": {
        "vi": "Có hiệu lực từ {date}.",
        "en": "In force from {date}.",
    },
    "role.no_officer_yet": {
        "vi": "Đơn vị chưa có cán bộ trong khối: cán bộ gõ /join {code} để nhận quyền.",
        "en": "The unit has no officer in the bloc yet: its officer types /join {code} to take up the rights.",
    },
    # --- /whoami -------------------------------------------------------------------------------
    "whoami.text": {
        "vi": "👤 {name}\nKhối: {bloc}\nĐơn vị: {unit}\nVai trò: {roles}",
        "en": "👤 {name}\nBloc: {bloc}\nUnit: {unit}\nRoles: {roles}",
    },
    "whoami.no_bloc": {
        "vi": "👤 {name}\nBạn chưa thuộc khối thi đua nào. Vào nhóm của khối và gõ /join <MÃ ĐƠN VỊ>.",
        "en": "👤 {name}\nYou are not in an emulation bloc yet. Go to the bloc's group and type /join <UNIT CODE>.",
    },
    "whoami.no_unit": {"vi": "(chưa đại diện cho đơn vị nào)", "en": "(none)"},
    # --- /lang ---------------------------------------------------------------------------------
    "lang.usage": {
        "vi": "Cách dùng: /lang vi (tiếng Việt) hoặc /lang en (English).",
        "en": "Usage: /lang vi (Vietnamese) or /lang en (English).",
    },
    "lang.set": {
        "vi": "✅ Bot dùng tiếng Việt trong khối «{bloc}».",
        "en": "✅ The bot now speaks English in bloc «{bloc}».",
    },
}
