"""Texts of the calendar: conferences (hội nghị), document deadlines (hạn nộp), submissions, reminders."""

_MEETING_USAGE_VI = ("Cách dùng: /meeting <ngày giờ> | <tiêu đề> | <địa điểm> [| sơ kết|tổng kết|khác], ví dụ\n"
                     "/meeting 20/12/2026 08:00 | Hội nghị tổng kết công tác thi đua năm 2026 | Hội trường Sở KH&CN\n"
                     "Loại hội nghị được đoán từ tiêu đề nếu không ghi.")
_MEETING_USAGE_EN = ("Usage: /meeting <date time> | <title> | <place> [| so ket|tong ket|khac], e.g.\n"
                     "/meeting 20/12/2026 08:00 | Year-end emulation conference 2026 | Hall of the Department of Science\n"
                     "The kind is guessed from the title when not given.")
_DEADLINE_USAGE_VI = ("Cách dùng: /deadline <ngày giờ> | <tiêu đề> [| <số hiệu văn bản>] [| units=MÃ,MÃ], ví dụ\n"
                      "/deadline 10/12/2026 17:00 | Báo cáo tổng kết thi đua năm 2026 | Kế hoạch 1116/KH-KTĐVHXH\n"
                      "/deadline 15/12/2026 | Bản tự chấm điểm | units=YTE,GDDT\n"
                      "Không ghi giờ thì hạn là 17:00. Không ghi units= thì áp dụng cho mọi đơn vị thành viên. "
                      "Gõ lệnh khi trả lời một tệp để tệp đó làm mẫu.")
_DEADLINE_USAGE_EN = ("Usage: /deadline <date time> | <title> [| <document number>] [| units=CODE,CODE], e.g.\n"
                      "/deadline 10/12/2026 17:00 | Year-end emulation report 2026 | Plan 1116/KH-KTĐVHXH\n"
                      "/deadline 15/12/2026 | Self-scoring sheet | units=YTE,GDDT\n"
                      "Without a time the deadline is 17:00. Without units= it applies to every member unit. "
                      "Type it in reply to a file to make that file the template.")

MESSAGES: dict[str, dict[str, str]] = {
    # --- /help and the menu --------------------------------------------------------------------------
    "cmd.meeting": {"vi": "Tạo hội nghị, mời các đơn vị xác nhận tham dự", "en": "Create a conference; units confirm attendance"},
    "args.meeting": {"vi": "<ngày giờ> | <tiêu đề> | <địa điểm>", "en": "<date time> | <title> | <place>"},
    "cmd.meetings": {"vi": "Các hội nghị sắp tới và số đơn vị đã xác nhận", "en": "Upcoming conferences and confirmations"},
    "cmd.meeting_cancel": {"vi": "Hủy hội nghị (hoặc hạn nộp), báo mọi đơn vị", "en": "Cancel a conference (or deadline); every unit is told"},
    "args.meeting_cancel": {"vi": "<số> [lý do]", "en": "<id> [reason]"},
    "cmd.meeting_move": {"vi": "Dời hội nghị (hoặc hạn nộp), báo mọi đơn vị", "en": "Move a conference (or deadline); every unit is told"},
    "args.meeting_move": {"vi": "<số> <ngày giờ mới>", "en": "<id> <new date time>"},
    "cmd.deadline": {"vi": "Đặt hạn nộp báo cáo cho các đơn vị", "en": "Set a document deadline for the units"},
    "args.deadline": {"vi": "<ngày giờ> | <tiêu đề> [| <số hiệu>] [| units=MÃ,MÃ]", "en": "<date time> | <title> [| <doc no.>] [| units=CODE,CODE]"},
    "cmd.deadline_cancel": {"vi": "Hủy hạn nộp, báo mọi đơn vị", "en": "Cancel a deadline; every unit is told"},
    "args.deadline_cancel": {"vi": "<số> [lý do]", "en": "<id> [reason]"},
    "cmd.deadline_move": {"vi": "Đổi hạn nộp, báo mọi đơn vị", "en": "Move a deadline; every unit is told"},
    "args.deadline_move": {"vi": "<số> <ngày giờ mới>", "en": "<id> <new date time>"},
    "cmd.submit": {"vi": "Nộp báo cáo: gửi tệp kèm chú thích /submit <số>", "en": "Submit a report: send a file captioned /submit <id>"},
    "args.submit": {"vi": "<số>", "en": "<id>"},
    "cmd.attend": {"vi": "Xác nhận đơn vị tham dự hội nghị, ghi tên đại biểu", "en": "Confirm your unit attends a conference, name the delegate"},
    "args.attend": {"vi": "<số> [tên đại biểu]", "en": "<id> [delegate's name]"},
    "cmd.mark": {"vi": "Ghi đơn vị được miễn nộp hoặc đã nộp bản giấy", "en": "Mark a unit exempt or submitted on paper"},
    "args.mark": {"vi": "<số> <MÃ> mien|giay|bo", "en": "<id> <CODE> exempt|paper|clear"},
    "cmd.status": {"vi": "Tình hình nộp báo cáo / xác nhận tham dự từng đơn vị", "en": "Per-unit submissions or attendance of an item"},
    "args.status": {"vi": "<số>", "en": "<id>"},
    "cmd.agenda": {"vi": "Hội nghị và hạn nộp trong 30 ngày tới", "en": "Conferences and deadlines in the next 30 days"},
    "cmd.ics": {"vi": "Tệp lịch (.ics) để thêm vào Outlook, Google Calendar", "en": "Calendar file (.ics) for Outlook or Google Calendar"},
    "cmd.collect": {"vi": "Nhận tệp các đơn vị đã nộp cho một hạn (tệp nén)", "en": "Get the files units sent for a deadline (zip)"},
    "args.collect": {"vi": "<số>", "en": "<id>"},
    "cal.collect.usage": {
        "vi": "Cách dùng: /collect <số hạn nộp>, ví dụ /collect 12 (nên gõ trong chat riêng với bot). Xem số bằng /agenda.",
        "en": "Usage: /collect <deadline id>, e.g. /collect 12 (best in a private chat with the bot). See ids with /agenda.",
    },
    "cal.collect.not_deadline": {
        "vi": "#{id} là hội nghị, không có tệp nộp. /collect dùng cho hạn nộp báo cáo.",
        "en": "#{id} is a conference and has no files. /collect is for document deadlines.",
    },
    "cal.collect.nothing": {
        "vi": "Chưa đơn vị nào nộp tệp cho {head}. Xem tình hình bằng /status {id}.",
        "en": "No unit has sent a file for {head} yet. See the status with /status {id}.",
    },
    "cal.collect.too_big": {
        "vi": "Tệp nén của {head} nặng {size} MB, quá giới hạn gửi tệp của bot ({limit} MB). Các tệp vẫn được lưu an toàn; hãy nhận từng đơn vị trong chat nơi họ nộp, hoặc nhờ quản trị hệ thống lấy từ thư mục lưu trữ.",
        "en": "The zip of {head} is {size} MB, over the bot's file limit ({limit} MB). The files are kept safely; get them from the chats where units sent them, or ask the operator to copy them from the file store.",
    },
    "cal.collect.caption": {
        "vi": "📦 {head}: tệp mới nhất của {files} đơn vị đã nộp, kèm danh sách (danh-sach.csv) trạng thái từng đơn vị và mã SHA-256 để đối chiếu biên nhận.",
        "en": "📦 {head}: the latest file of the {files} units that sent one, with an index (danh-sach.csv) of every unit's state and the SHA-256 to check against receipts.",
    },
    "cal.collect.unreadable": {
        "vi": "⚠️ Không đọc được tệp đã lưu của: {codes}. Báo quản trị hệ thống kiểm tra thư mục lưu trữ tệp.",
        "en": "⚠️ Could not read the stored file of: {codes}. Ask the operator to check the file store.",
    },
    "cal.collect.col_code": {"vi": "Mã", "en": "Code"},
    "cal.collect.col_unit": {"vi": "Đơn vị", "en": "Unit"},
    "cal.collect.col_state": {"vi": "Trạng thái", "en": "State"},
    "cal.collect.col_versions": {"vi": "Số lần nộp", "en": "Versions"},
    "cal.collect.col_at": {"vi": "Thời gian nộp (bản giữ lại)", "en": "Sent at (kept version)"},
    "cal.collect.col_file": {"vi": "Tệp trong gói", "en": "File in the zip"},
    "cal.collect.col_sha256": {"vi": "SHA-256", "en": "SHA-256"},
    "cal.collect.col_link": {"vi": "Đường dẫn (nộp bằng liên kết)", "en": "Link (sent as a link)"},
    "cal.collect.state_on_time": {"vi": "đã nộp", "en": "submitted"},
    "cal.collect.state_late": {"vi": "nộp muộn", "en": "late"},
    "cal.collect.state_missing": {"vi": "chưa nộp", "en": "missing"},
    "cal.collect.state_exempt": {"vi": "miễn nộp", "en": "exempt"},
    "cal.collect.state_paper": {"vi": "nộp bản giấy", "en": "on paper"},
    "cmd.template": {"vi": "Nhận tệp mẫu của một hạn nộp", "en": "Get a deadline's template file"},
    "args.template": {"vi": "<số>", "en": "<id>"},
    # --- words ---------------------------------------------------------------------------------------
    "cal.kind.deadline": {"vi": "Hạn nộp", "en": "Deadline"},
    "cal.kind.meeting": {"vi": "Hội nghị", "en": "Conference"},
    "cal.meeting.kind.so_ket": {"vi": "Hội nghị sơ kết", "en": "Mid-year review conference"},
    "cal.meeting.kind.tong_ket": {"vi": "Hội nghị tổng kết", "en": "Year-end conference"},
    "cal.meeting.kind.khac": {"vi": "Hội nghị", "en": "Conference"},
    "cal.field.title": {"vi": "Tiêu đề", "en": "The title"},
    "cal.field.place": {"vi": "Địa điểm", "en": "The place"},
    "cal.field.doc": {"vi": "Số hiệu văn bản", "en": "The document number"},
    "cal.field.delegate": {"vi": "Tên đại biểu", "en": "The delegate's name"},
    "cal.field.reason": {"vi": "Lý do", "en": "The reason"},
    "cal.mark.name.exempt": {"vi": "miễn nộp", "en": "exempt"},
    "cal.mark.name.paper": {"vi": "đã nộp bản giấy", "en": "submitted on paper"},
    "cal.mark.name.clear": {"vi": "không đánh dấu", "en": "unmarked"},
    # --- shared lines --------------------------------------------------------------------------------
    "cal.head": {"vi": "#{id} · {kind} «{title}»", "en": "#{id} · {kind} «{title}»"},
    "cal.day_off_warning": {
        "vi": "⚠️ Lưu ý: {head} vào {when}, là ngày nghỉ ({why}). Đã đặt như bạn ghi; nếu nhầm, dời bằng /{command} {id} <ngày giờ mới>.",
        "en": "⚠️ Note: {head} is on {when}, a day off ({why}). It is set as you wrote; if that was a mistake, move it with /{command} {id} <new date and time>.",
    },
    "cal.head_titled": {"vi": "#{id} · «{title}»", "en": "#{id} · «{title}»"},
    "cal.line_due": {"vi": "⏰ Hạn nộp: {when}", "en": "⏰ Due: {when}"},
    "cal.line_held": {"vi": "🕗 Thời gian: {when}", "en": "🕗 When: {when}"},
    "cal.line_place": {"vi": "📍 Địa điểm: {place}", "en": "📍 Place: {place}"},
    "cal.line_doc": {"vi": "📑 Văn bản: {doc}", "en": "📑 Document: {doc}"},
    "cal.cancelled_tag": {"vi": "ĐÃ HỦY", "en": "CANCELLED"},
    "cal.reason_line": {"vi": "Lý do: {reason}", "en": "Reason: {reason}"},
    # --- refusals ------------------------------------------------------------------------------------
    "cal.meeting.usage": {"vi": _MEETING_USAGE_VI, "en": _MEETING_USAGE_EN},
    "cal.deadline.usage": {"vi": _DEADLINE_USAGE_VI, "en": _DEADLINE_USAGE_EN},
    "cal.bad_meeting_kind": {
        "vi": "Không rõ loại hội nghị «{value}». Ghi một trong: sơ kết, tổng kết, khác (hoặc bỏ trống để bot tự đoán từ tiêu đề).",
        "en": "Unknown conference kind «{value}». Use one of: so ket (mid-year), tong ket (year-end), khac (other), or leave it out.",
    },
    "cal.too_long": {
        "vi": "{what} dài {length} ký tự, quá giới hạn {limit} ký tự. Hãy rút gọn rồi gửi lại.",
        "en": "{what} is {length} characters long, over the {limit}-character limit. Please shorten it and send it again.",
    },
    "cal.past": {
        "vi": "Thời điểm này đã qua. Hãy ghi một thời điểm sắp tới, ví dụ 20/12/2026 08:00.",
        "en": "That time has passed. Give a time still to come, e.g. 20/12/2026 08:00.",
    },
    "cal.deadline.no_units": {
        "vi": "Sau units= hãy ghi mã các đơn vị, cách nhau bằng dấu phẩy, ví dụ units=YTE,GDDT.",
        "en": "After units= list the unit codes separated by commas, e.g. units=YTE,GDDT.",
    },
    "cal.deadline.unknown_units": {
        "vi": "Khối không có đơn vị thành viên mã {codes}. Các mã hiện có: {known}.",
        "en": "The bloc has no member unit with code {codes}. Current codes: {known}.",
    },
    "cal.unknown_item": {
        "vi": "Không có hội nghị hay hạn nộp số #{id} trong khối. Xem các số bằng /agenda.",
        "en": "There is no conference or deadline #{id} in this bloc. See the ids with /agenda.",
    },
    "cal.not_deadline": {
        "vi": "#{id} là hội nghị, không phải hạn nộp. Xem các hạn nộp bằng /agenda.",
        "en": "#{id} is a conference, not a deadline. See the deadlines with /agenda.",
    },
    "cal.not_meeting": {
        "vi": "#{id} là hạn nộp, không phải hội nghị. Xem các hội nghị bằng /meetings.",
        "en": "#{id} is a deadline, not a conference. See the conferences with /meetings.",
    },
    "cal.is_cancelled": {
        "vi": "{kind_name} #{id} đã bị hủy.",
        "en": "{kind_name} #{id} has been cancelled.",
    },
    "cal.same_time": {
        "vi": "#{id} đã ở đúng thời điểm này; không có gì thay đổi.",
        "en": "#{id} is already at that time; nothing changed.",
    },
    "cal.unit_not_in_scope": {
        "vi": "Đơn vị {code} không thuộc danh sách đơn vị của #{id}.",
        "en": "Unit {code} is not among the units of #{id}.",
    },
    "cal.download_failed": {
        "vi": "Không tải được tệp từ máy chủ chat. Chưa có gì được ghi nhận; hãy gửi lại tệp sau ít phút.",
        "en": "The file could not be downloaded from the chat server. Nothing was recorded; please send it again in a few minutes.",
    },
    "cal.cancel.usage": {
        "vi": "Cách dùng: /meeting_cancel <số> [lý do], ví dụ /meeting_cancel 12 Lùi sang năm sau. Xem các số bằng /agenda.",
        "en": "Usage: /meeting_cancel <id> [reason], e.g. /meeting_cancel 12 Postponed to next year. See the ids with /agenda.",
    },
    "cal.move.usage": {
        "vi": "Cách dùng: /meeting_move <số> <ngày giờ mới>, ví dụ /meeting_move 12 22/12/2026 14:00. Xem các số bằng /agenda.",
        "en": "Usage: /meeting_move <id> <new date time>, e.g. /meeting_move 12 22/12/2026 14:00. See the ids with /agenda.",
    },
    "cal.attend.usage": {
        "vi": "Cách dùng: /attend <số hội nghị> [tên đại biểu], ví dụ /attend 12 Nguyễn Văn An. Xem các số bằng /meetings.",
        "en": "Usage: /attend <conference id> [delegate's name], e.g. /attend 12 Nguyen Van An. See the ids with /meetings.",
    },
    "cal.status.usage": {
        "vi": "Cách dùng: /status <số>, ví dụ /status 12. Xem các số bằng /agenda.",
        "en": "Usage: /status <id>, e.g. /status 12. See the ids with /agenda.",
    },
    "cal.template.usage": {
        "vi": "Cách dùng: /template <số hạn nộp>, ví dụ /template 12.",
        "en": "Usage: /template <deadline id>, e.g. /template 12.",
    },
    "cal.template.none": {
        "vi": "Hạn nộp #{id} không có tệp mẫu.",
        "en": "Deadline #{id} has no template file.",
    },
    "cal.template.caption": {"vi": "📎 Tệp mẫu của {head}", "en": "📎 Template of {head}"},
    "cal.template.missing": {
        "vi": "Tệp mẫu của #{id} không còn trên máy chủ của bot. Hãy báo Trưởng khối gửi lại.",
        "en": "The template of #{id} is no longer on the bot's server. Ask the head to send it again.",
    },
    "cal.mark.usage": {
        "vi": "Cách dùng: /mark <số hạn nộp> <MÃ ĐƠN VỊ> mien|giay|bo, ví dụ /mark 12 YTE mien (miễn nộp), /mark 12 GDDT giay (đã nộp bản giấy), /mark 12 YTE bo (bỏ đánh dấu).",
        "en": "Usage: /mark <deadline id> <UNIT CODE> exempt|paper|clear, e.g. /mark 12 YTE exempt, /mark 12 GDDT paper, /mark 12 YTE clear.",
    },
    "cal.mark.unchanged": {
        "vi": "Đơn vị {code} đã ở trạng thái «{mark}»; không có gì thay đổi.",
        "en": "Unit {code} is already «{mark}»; nothing changed.",
    },
    "cal.meeting.already_held": {
        "vi": "Hội nghị #{id} đã diễn ra; không xác nhận tham dự được nữa.",
        "en": "Conference #{id} has already taken place; attendance can no longer be confirmed.",
    },
    "cal.meeting.attend_not_officer": {
        "vi": "Chỉ cán bộ phụ trách thi đua của một đơn vị thành viên mới xác nhận tham dự được. Gõ /join <MÃ ĐƠN VỊ> trong nhóm của khối để đăng ký.",
        "en": "Only an officer of a member unit can confirm attendance. Type /join <UNIT CODE> in the bloc's group to register.",
    },
    "cal.meeting.already_confirmed": {
        "vi": "Đơn vị {code} đã xác nhận tham dự rồi.",
        "en": "Unit {code} has already confirmed.",
    },
    "cal.submit.usage": {
        "vi": "Cách nộp báo cáo: gửi tệp kèm chú thích /submit <số hạn nộp> (ví dụ /submit 12), hoặc trả lời bài đăng hạn nộp trong nhóm bằng tệp báo cáo.",
        "en": "To submit: send the file captioned /submit <deadline id> (e.g. /submit 12), or reply to the deadline's post in the group with the file.",
    },
    "cal.submit.no_file": {
        "vi": "Lệnh /submit cần đi kèm tệp: gửi tệp báo cáo và ghi /submit <số hạn nộp> ở phần chú thích, ví dụ /submit 12; hoặc gõ /submit 12 <đường dẫn tới báo cáo>.",
        "en": "/submit needs a file: send the report with /submit <deadline id> as its caption, e.g. /submit 12; or type /submit 12 <link to the report>.",
    },
    "cal.submit.no_file.nogroup": {
        "vi": "Lệnh /submit cần đi kèm ảnh hoặc đường dẫn: gửi ảnh báo cáo và ghi /submit <số hạn nộp> vào lời nhắn kèm ảnh, ví dụ /submit 12; hoặc gõ /submit 12 <đường dẫn tới báo cáo>.",
        "en": "/submit needs a photo or a link: send a photo of the report with /submit <deadline id> as its caption, e.g. /submit 12; or type /submit 12 <link to the report>.",
    },
    "cal.submit.not_officer.nogroup": {
        "vi": "Chỉ cán bộ phụ trách thi đua của một đơn vị thành viên mới nộp báo cáo được. Báo cáo của bạn chưa được ghi nhận. Xin Trưởng khối mã mời của đơn vị bạn rồi gõ /join <mã mời>.",
        "en": "Only an officer of a member unit can submit reports. Your report was not recorded. Ask the bloc head for your unit's invitation code and type /join <code>.",
    },
    "cal.meeting.attend_not_officer.nogroup": {
        "vi": "Chỉ cán bộ phụ trách thi đua của một đơn vị thành viên mới xác nhận tham dự được. Xin Trưởng khối mã mời của đơn vị bạn rồi gõ /join <mã mời>.",
        "en": "Only an officer of a member unit can confirm attendance. Ask the bloc head for your unit's invitation code and type /join <code>.",
    },
    "cal.submit.usage.nogroup": {
        "vi": "Cách nộp báo cáo: gửi ảnh báo cáo và ghi /submit <số hạn nộp> vào lời nhắn kèm ảnh (ví dụ /submit 12), hoặc gõ /submit 12 <đường dẫn tới báo cáo>. Xem số các hạn nộp bằng /agenda.",
        "en": "To submit: send a photo of the report with /submit <deadline id> as its caption (e.g. /submit 12), or type /submit 12 <link to the report>. See the deadlines' ids with /agenda.",
    },
    "cal.submit.not_officer": {
        "vi": "Chỉ cán bộ phụ trách thi đua của một đơn vị thành viên mới nộp báo cáo được. Tệp của bạn chưa được ghi nhận. Gõ /join <MÃ ĐƠN VỊ> trong nhóm của khối để đăng ký đại diện cho đơn vị.",
        "en": "Only an officer of a member unit can submit reports. Your file was not recorded. Type /join <UNIT CODE> in the bloc's group to act for your unit.",
    },
    "cal.submit.too_big": {
        "vi": "Tệp nặng {size} MB, quá giới hạn 20 MB mà bot tải được. Hãy nén hoặc tách tệp rồi gửi lại.",
        "en": "The file is {size} MB, over the 20 MB the bot can download. Compress or split it and send it again.",
    },
    "cal.submit.race": {
        "vi": "Một cán bộ khác của đơn vị vừa nộp cùng lúc. Hãy gửi lại tệp.",
        "en": "Another officer of the unit submitted at the same moment. Please send the file again.",
    },
    "cal.submit.private_hint": {
        "vi": "Tôi chưa biết tệp này nộp cho hạn nào. Hãy gửi lại tệp với chú thích /submit <số hạn nộp>. Các hạn đơn vị {code} chưa nộp:\n{owed}",
        "en": "I do not know which deadline this file is for. Send it again captioned /submit <deadline id>. Deadlines unit {code} still owes:\n{owed}",
    },
    "cal.submit.private_hint.nogroup": {
        "vi": "Tôi chưa biết ảnh này nộp cho hạn nào. Hãy gửi lại ảnh và ghi /submit <số hạn nộp> vào lời nhắn kèm ảnh, ví dụ /submit {id}; báo cáo để trên mạng (Drive, cổng thông tin) thì gõ /submit {id} <đường dẫn>. Các hạn đơn vị {code} chưa nộp:\n{owed}",
        "en": "I do not know which deadline this photo is for. Send it again with /submit <deadline id> as its caption, e.g. /submit {id}; for a report online (Drive, a portal) type /submit {id} <link>. Deadlines unit {code} still owes:\n{owed}",
    },
    "cal.submit.link_too_long": {
        "vi": "Đường dẫn dài quá {limit} ký tự. Hãy gửi đường dẫn ngắn hơn (ví dụ đường dẫn chia sẻ của Drive).",
        "en": "The link is longer than {limit} characters. Send a shorter one (e.g. Drive's share link).",
    },
    "cal.submit.link_hint": {
        "vi": "Tôi chưa biết đường dẫn này nộp cho hạn nào. Gõ /submit <số hạn nộp> và đường dẫn, ví dụ:\n/submit {id} {url}\nCác hạn đơn vị {code} chưa nộp:\n{owed}",
        "en": "I do not know which deadline this link is for. Type /submit <deadline id> and the link, e.g.:\n/submit {id} {url}\nDeadlines unit {code} still owes:\n{owed}",
    },
    "cal.submit.nothing_owed": {"vi": "(không có hạn nộp nào đang chờ)", "en": "(none pending)"},
    "cal.submit.owed_line": {"vi": "• {head} — hạn {when}", "en": "• {head} — due {when}"},
    "cal.submit.receipt": {
        "vi": "📥 Đã nhận báo cáo của {code} — {unit} cho {head}.",
        "en": "📥 Received the report of {code} — {unit} for {head}.",
    },
    "cal.submit.receipt_file": {
        "vi": "Tệp: {name} ({size}), SHA-256 {sha}",
        "en": "File: {name} ({size}), SHA-256 {sha}",
    },
    "cal.submit.receipt_link": {
        "vi": "🔗 Đường dẫn: {url}\nBot lưu đường dẫn, không tải tệp về: hãy để tệp mở cho Trưởng khối xem được. Mã kiểm tra SHA-256 {sha}",
        "en": "🔗 Link: {url}\nThe bot keeps the link and does not download the file: make sure the bloc head can open it. SHA-256 {sha}",
    },
    "cal.submit.receipt_by": {
        "vi": "Người nộp: {officer}, lúc {at} (lần nộp thứ {version}).",
        "en": "Sent by {officer} at {at} (version {version}).",
    },
    "cal.submit.receipt_kept": {
        "vi": "Các bản nộp trước ({earlier} bản) vẫn được lưu.",
        "en": "The {earlier} earlier version(s) are kept.",
    },
    "cal.submit.receipt_late": {
        "vi": "⚠️ Nộp muộn: hạn là {due}.",
        "en": "⚠️ Late: the deadline was {due}.",
    },
    # --- posts and answers ---------------------------------------------------------------------------------
    "cal.deadline.scope_all": {"vi": "Áp dụng: tất cả {count} đơn vị thành viên", "en": "Applies to: all {count} member units"},
    "cal.deadline.scope_some": {"vi": "Áp dụng: {codes}", "en": "Applies to: {codes}"},
    "cal.deadline.template_line": {"vi": "📎 Mẫu: {name} (nhận tệp: /template {id})", "en": "📎 Template: {name} (get it: /template {id})"},
    "cal.deadline.counter": {
        "vi": "Đã nộp: {done}/{required} (muộn {late}, miễn {exempt})",
        "en": "Submitted: {done}/{required} (late {late}, exempt {exempt})",
    },
    "cal.deadline.pending_codes": {"vi": "Chưa nộp: {codes}", "en": "Not yet submitted: {codes}"},
    "cal.deadline.how_to_submit": {
        "vi": "Cách nộp: gửi tệp báo cáo (ảnh chụp cũng được) kèm chú thích /submit {id}, hoặc gõ /submit {id} <đường dẫn tới báo cáo>; gửi trong chat riêng với bot cũng được.",
        "en": "To submit: send the report (a photo will do) captioned /submit {id}, or type /submit {id} <link to the report>; a private chat with the bot works too.",
    },
    "cal.meeting.counter": {"vi": "Đã xác nhận tham dự: {done}/{total} đơn vị", "en": "Confirmed attendance: {done}/{total} units"},
    "cal.meeting.confirmed_line": {"vi": "✅ {code}{delegate}", "en": "✅ {code}{delegate}"},
    "cal.meeting.delegate_suffix": {"vi": " (đại biểu: {name})", "en": " (delegate: {name})"},
    "cal.meeting.unconfirmed_codes": {"vi": "Chưa xác nhận: {codes}", "en": "Not yet confirmed: {codes}"},
    "cal.meeting.how_to_attend": {
        "vi": "Mỗi đơn vị chọn «Xác nhận tham dự» (hoặc gõ /attend {id}); ghi tên đại biểu: /attend {id} <họ tên>.",
        "en": "Each unit chooses «Confirm attendance» (or types /attend {id}); to name the delegate: /attend {id} <name>.",
    },
    "cal.meeting.btn_attend": {"vi": "✅ Xác nhận tham dự", "en": "✅ Confirm attendance"},
    "cal.created_private": {
        "vi": "✅ Đã tạo {head}; bài đăng đã gửi tới các đơn vị.",
        "en": "✅ Created {head}; the post was sent to the units.",
    },
    "cal.cancel.done": {
        "vi": "✅ Đã hủy {head}. Các đơn vị sẽ nhận thông báo; lịch nhắc việc đã được gỡ.",
        "en": "✅ Cancelled {head}. Every unit will be told; its reminders were removed.",
    },
    "cal.move.done": {
        "vi": "✅ Đã dời {head} từ {old} sang {new}. Các đơn vị sẽ nhận thông báo; lịch nhắc việc đã được lập lại.",
        "en": "✅ Moved {head} from {old} to {new}. Every unit will be told; its reminders were replanned.",
    },
    "cal.attend.done": {
        "vi": "✅ Đơn vị {code} xác nhận tham dự {head}{delegate}.",
        "en": "✅ Unit {code} will attend {head}{delegate}.",
    },
    "cal.attend.updated": {
        "vi": "✅ Đã cập nhật đại biểu của đơn vị {code} cho {head}{delegate}.",
        "en": "✅ Updated the delegate of unit {code} for {head}{delegate}.",
    },
    "cal.attend.already": {
        "vi": "Đơn vị {code} đã xác nhận tham dự {head}{delegate}. Ghi tên đại biểu: /attend {id} <họ tên>.",
        "en": "Unit {code} has already confirmed for {head}{delegate}. To name the delegate: /attend {id} <name>.",
    },
    "cal.attend.toast": {
        "vi": "Đã xác nhận {code} tham dự. Ghi tên đại biểu: /attend {id} <họ tên>",
        "en": "{code} confirmed. To name the delegate: /attend {id} <name>",
    },
    "cal.attend.toast_already": {
        "vi": "Đơn vị {code} đã xác nhận tham dự rồi.",
        "en": "Unit {code} had already confirmed.",
    },
    "cal.mark.done": {
        "vi": "✅ {head}: đơn vị {code} — {mark}.",
        "en": "✅ {head}: unit {code} — {mark}.",
    },
    "cal.status.summary": {
        "vi": "Đã nộp {done}/{required} (muộn {late}) · chưa nộp {missing} · miễn {exempt} · bản giấy {paper}",
        "en": "Submitted {done}/{required} (late {late}) · missing {missing} · exempt {exempt} · on paper {paper}",
    },
    "cal.status.on_time": {"vi": "✅ {unit}: nộp lúc {at}{versions}", "en": "✅ {unit}: submitted {at}{versions}"},
    "cal.status.late": {"vi": "⚠️ {unit}: nộp muộn lúc {at}{versions}", "en": "⚠️ {unit}: late, submitted {at}{versions}"},
    "cal.status.link": {"vi": " · 🔗 {url}", "en": " · 🔗 {url}"},
    "cal.status.link_hidden": {
        "vi": " · 🔗 nộp bằng đường dẫn (Trưởng khối xem trong chat riêng)",
        "en": " · 🔗 sent as a link (the head sees it in a private chat)",
    },
    "cal.status.versions": {"vi": " ({count} bản, mới nhất {latest})", "en": " ({count} versions, latest {latest})"},
    "cal.status.missing": {"vi": "❌ {unit}: chưa nộp", "en": "❌ {unit}: missing"},
    "cal.status.exempt": {"vi": "— {unit}: miễn nộp", "en": "— {unit}: exempt"},
    "cal.status.paper": {"vi": "— {unit}: đã nộp bản giấy", "en": "— {unit}: submitted on paper"},
    "cal.status.no_units": {"vi": "(chưa có đơn vị nào)", "en": "(no units)"},
    "cal.status.confirmed": {"vi": "✅ {unit}{delegate} — xác nhận lúc {at}", "en": "✅ {unit}{delegate} — confirmed {at}"},
    "cal.status.unconfirmed": {"vi": "❌ {unit}: chưa xác nhận", "en": "❌ {unit}: not confirmed"},
    "cal.agenda.header": {
        "vi": "🗓 Lịch của khối «{bloc}» trong {days} ngày tới:",
        "en": "🗓 The bloc «{bloc}» in the next {days} days:",
    },
    "cal.agenda.empty": {
        "vi": "Không có hội nghị hay hạn nộp nào trong {days} ngày tới.",
        "en": "No conference or deadline in the next {days} days.",
    },
    "cal.agenda.line": {"vi": "{icon} {when} · {head}{place} — {count}", "en": "{icon} {when} · {head}{place} — {count}"},
    "cal.agenda.place": {"vi": " tại {place}", "en": " at {place}"},
    "cal.agenda.submitted": {"vi": "đã nộp {done}/{required}", "en": "submitted {done}/{required}"},
    "cal.agenda.confirmed": {"vi": "xác nhận {done}/{total}", "en": "confirmed {done}/{total}"},
    "cal.meetings.header": {"vi": "🏛 Hội nghị sắp tới của khối «{bloc}»:", "en": "🏛 Upcoming conferences of «{bloc}»:"},
    "cal.meetings.empty": {
        "vi": "Chưa có hội nghị nào sắp tới. Trưởng khối tạo bằng /meeting.",
        "en": "No upcoming conference. The head creates one with /meeting.",
    },
    "cal.ics.caption": {
        "vi": "📅 Lịch của khối «{bloc}»: {count} sự kiện (hội nghị và hạn nộp). Mở tệp để thêm vào Outlook hoặc Google Calendar.",
        "en": "📅 Calendar of «{bloc}»: {count} events (conferences and deadlines). Open the file to add it to Outlook or Google Calendar.",
    },
    "cal.ics.description": {"vi": "KhốiBot #{id} — /status {id}", "en": "KhốiBot #{id} — /status {id}"},
    # --- reminders (nhắc việc) -----------------------------------------------------------------------------
    "cal.left.days": {"vi": "còn {n} ngày", "en": "{n} day(s) left"},
    "cal.left.hours": {"vi": "còn {n} giờ", "en": "{n} hour(s) left"},
    "cal.left.minutes": {"vi": "còn {n} phút", "en": "{n} minute(s) left"},
    "cal.remind.deadline_before": {
        "vi": "⏰ Nhắc việc: {head} — hạn {when} ({left}).",
        "en": "⏰ Reminder: {head} — due {when} ({left}).",
    },
    "cal.remind.deadline_today": {
        "vi": "⏰ Hôm nay đến hạn: {head} — hạn {when} ({left}).",
        "en": "⏰ Due today: {head} — due {when} ({left}).",
    },
    "cal.remind.deadline_overdue": {
        "vi": "⚠️ Quá hạn: {head} — hạn là {when}.",
        "en": "⚠️ Overdue: {head} — it was due {when}.",
    },
    "cal.remind.pending_header": {
        "vi": "Các đơn vị chưa nộp ({count}/{required}):",
        "en": "Units that have not submitted ({count}/{required}):",
    },
    "cal.remind.unit_line": {"vi": "• {unit}: {who}", "en": "• {unit}: {who}"},
    "cal.remind.no_officer": {"vi": "chưa có cán bộ đăng ký", "en": "no officer registered"},
    "cal.remind.deadline_how": {
        "vi": "Nộp: gửi tệp (ảnh chụp cũng được) kèm chú thích /submit {id}, hoặc gõ /submit {id} <đường dẫn>. Xem tình hình: /status {id}.",
        "en": "Submit: send the file (a photo will do) captioned /submit {id}, or type /submit {id} <link>. Progress: /status {id}.",
    },
    "cal.remind.deadline_private_before": {
        "vi": "⏰ Đơn vị {code} chưa nộp {head}, hạn {when} ({left}). Gửi tệp tại đây kèm chú thích /submit {id}.",
        "en": "⏰ Unit {code} has not submitted {head}, due {when} ({left}). Send the file here captioned /submit {id}.",
    },
    "cal.remind.deadline_private_today": {
        "vi": "⏰ Hôm nay đến hạn: đơn vị {code} chưa nộp {head} (hạn {when}). Gửi tệp tại đây kèm chú thích /submit {id}.",
        "en": "⏰ Due today: unit {code} has not submitted {head} (due {when}). Send the file here captioned /submit {id}.",
    },
    "cal.remind.deadline_private_overdue": {
        "vi": "⚠️ Đơn vị {code} đã quá hạn nộp {head} (hạn {when}). Bản nộp muộn vẫn được nhận: gửi tệp tại đây kèm chú thích /submit {id}.",
        "en": "⚠️ Unit {code} is overdue for {head} (due {when}). Late files are still accepted: send it here captioned /submit {id}.",
    },
    "cal.remind.summary_header": {
        "vi": "📊 Tổng hợp {head} (hạn {when}):",
        "en": "📊 Summary of {head} (due {when}):",
    },
    "cal.remind.summary_missing": {"vi": "Còn thiếu:", "en": "Still missing:"},
    "cal.remind.summary_complete": {"vi": "Tất cả các đơn vị đã nộp hoặc được miễn.", "en": "Every unit has submitted or is exempt."},
    "cal.remind.summary_late": {"vi": "Nộp muộn: {codes}", "en": "Late: {codes}"},
    "cal.remind.summary_hint": {
        "vi": "Chi tiết: /status {id} · ghi miễn nộp hoặc nộp bản giấy: /mark {id} <MÃ> mien|giay",
        "en": "Details: /status {id} · mark exempt or on paper: /mark {id} <CODE> exempt|paper",
    },
    "cal.remind.meeting": {
        "vi": "📅 Nhắc lịch: {head} lúc {when} ({left}).",
        "en": "📅 Reminder: {head} at {when} ({left}).",
    },
    "cal.remind.unconfirmed_header": {
        "vi": "Các đơn vị chưa xác nhận tham dự ({count}):",
        "en": "Units that have not confirmed ({count}):",
    },
    "cal.remind.meeting_private_unconfirmed": {
        "vi": "📅 Nhắc lịch: {head} lúc {when} ({left}), tại {place}. Đơn vị {code} chưa xác nhận tham dự: gõ /attend {id} <tên đại biểu>.",
        "en": "📅 Reminder: {head} at {when} ({left}), at {place}. Unit {code} has not confirmed: type /attend {id} <delegate's name>.",
    },
    "cal.remind.meeting_private_confirmed": {
        "vi": "📅 Nhắc lịch: {head} lúc {when} ({left}), tại {place}. Đơn vị {code} đã xác nhận tham dự{delegate}.",
        "en": "📅 Reminder: {head} at {when} ({left}), at {place}. Unit {code} has confirmed{delegate}.",
    },
    # --- notices to every unit -------------------------------------------------------------------------------
    "cal.notice.moved": {
        "vi": "📢 Thay đổi thời gian: {head} được dời từ {old} sang {new}.",
        "en": "📢 Change of time: {head} moved from {old} to {new}.",
    },
    "cal.notice.cancelled": {
        "vi": "📢 {head} (dự kiến {when}) đã bị hủy. {reason}",
        "en": "📢 {head} (planned for {when}) has been cancelled. {reason}",
    },
}
