"""Texts of the bloc: /setup, /lang, member units (/unit_add, /unit_remove, /units), the head and
deputy roles (/head, /deputy)."""

MESSAGES: dict[str, dict[str, str]] = {
    # --- roles --------------------------------------------------------------------------------
    "role.head": {"vi": "Trưởng khối", "en": "bloc head"},
    "role.deputy": {"vi": "Phó trưởng khối", "en": "deputy head"},
    "role.setup_admin": {"vi": "quản trị tạm thời (người tạo khối)", "en": "provisional administrator (set the bloc up)"},
    "role.officer": {"vi": "cán bộ phụ trách thi đua", "en": "emulation officer"},
    "role.none": {"vi": "chưa có vai trò", "en": "no role yet"},
    "cmd.setup": {"vi": "Gắn nhóm này với một khối thi đua mới", "en": "Bind this group to a new emulation bloc"},
    "cmd.unit_add": {"vi": "Thêm đơn vị thành viên", "en": "Add a member unit"},
    "cmd.unit_remove": {"vi": "Bỏ đơn vị khỏi thành viên năm nay", "en": "Remove a unit from this year's members"},
    "cmd.units": {"vi": "Danh sách đơn vị và cán bộ", "en": "Member units and their officers"},
    "cmd.head": {"vi": "Đặt đơn vị Trưởng khối của năm", "en": "Set the head unit of a year"},
    "cmd.deputy": {"vi": "Đặt đơn vị Phó trưởng khối của năm", "en": "Set the deputy unit of a year"},
    "cmd.lang": {"vi": "Ngôn ngữ của bot trong khối (vi/en)", "en": "The bloc's bot language (vi/en)"},
    "args.setup": {"vi": "<tên khối>", "en": "<bloc name>"},
    "args.unit_add": {"vi": "<MÃ> <tên đơn vị>", "en": "<CODE> <unit name>"},
    "args.unit_remove": {"vi": "<MÃ>", "en": "<CODE>"},
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
        "vi": "✅ Đã tạo khối «{bloc}» và gắn với nhóm này.\n{name} tạm quản trị khối cho đến khi cả đơn vị Trưởng khối và đơn vị Phó trưởng khối đều có cán bộ.\nCác bước tiếp theo:\n1. Thêm đơn vị: /unit_add <MÃ> <tên đơn vị> (có thể nhiều dòng, mỗi dòng một đơn vị)\n2. Cán bộ mỗi đơn vị gõ /join <MÃ> để đại diện cho đơn vị mình\n3. Đặt Trưởng khối, Phó trưởng khối: /head <MÃ>, /deputy <MÃ>",
        "en": "✅ Bloc «{bloc}» created and bound to this group.\n{name} administers it until both the head's and the deputy's units have an officer.\nNext steps:\n1. Add units: /unit_add <CODE> <unit name> (several lines allowed, one unit per line)\n2. Each unit's officer types /join <CODE>\n3. Set the head and deputy: /head <CODE>, /deputy <CODE>",
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
    # --- /lang ---------------------------------------------------------------------------------
    "lang.usage": {
        "vi": "Cách dùng: /lang vi (tiếng Việt) hoặc /lang en (English).",
        "en": "Usage: /lang vi (Vietnamese) or /lang en (English).",
    },
    "lang.set": {
        "vi": "✅ Bot dùng tiếng Việt trong khối «{bloc}».",
        "en": "✅ The bot now speaks English in bloc «{bloc}».",
    },
    # --- /rename -------------------------------------------------------------------------------
    "cmd.rename": {"vi": "Đổi tên khối thi đua", "en": "Rename the bloc"},
    "args.rename": {"vi": "<tên mới>", "en": "<new name>"},
    "rename.usage": {
        "vi": "Cách dùng: /rename <tên mới của khối>, ví dụ /rename Khối thi đua Văn hóa – Xã hội tỉnh Yên Bái",
        "en": "Usage: /rename <the bloc's new name>, e.g. /rename Culture–Society emulation bloc",
    },
    "rename.same": {"vi": "Khối đã mang tên «{name}».", "en": "The bloc is already called «{name}»."},
    "rename.done": {
        "vi": "✅ Đã đổi tên khối: «{old}» → «{new}».",
        "en": "✅ The bloc is renamed: «{old}» → «{new}».",
    },
}
