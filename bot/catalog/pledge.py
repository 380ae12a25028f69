"""Texts of pledge signing (ký giao ước thi đua)."""

_OPEN_EXAMPLE_VI = "/pledge_open 2027 | 31/01/2027 17:00 | Các đơn vị thành viên cam kết thi đua hoàn thành xuất sắc nhiệm vụ năm 2027..."
_OPEN_EXAMPLE_EN = "/pledge_open 2027 | 31/01/2027 17:00 | The member units pledge to excel in their 2027 tasks..."

MESSAGES: dict[str, dict[str, str]] = {
    # --- commands (menu, /help) -----------------------------------------------------------------
    "cmd.pledge_open": {"vi": "Mở ký giao ước thi đua của năm", "en": "Open the year's pledge for signing"},
    "cmd.sign": {"vi": "Ký giao ước thi đua cho đơn vị mình", "en": "Sign the pledge for your unit"},
    "cmd.unsign": {"vi": "Rút chữ ký giao ước của đơn vị (trước khi đóng)", "en": "Withdraw your unit's signature (until it closes)"},
    "cmd.pledge_status": {"vi": "Đơn vị nào đã ký, chưa ký giao ước", "en": "Which units signed the pledge, which did not"},
    "cmd.pledge_export": {"vi": "Xuất danh sách ký giao ước (Excel, CSV)", "en": "Export the pledge signatures (Excel, CSV)"},
    "cmd.pledge_close": {"vi": "Đóng ký giao ước sớm, đăng danh sách cuối cùng", "en": "Close the pledge early and post the final list"},
    "args.pledge_open": {"vi": "<năm> | <hạn ký> | <nội dung>", "en": "<year> | <deadline> | <text>"},
    "args.sign": {"vi": "[năm]", "en": "[year]"},
    "args.unsign": {"vi": "[năm]", "en": "[year]"},
    "args.pledge_status": {"vi": "[năm]", "en": "[year]"},
    "args.pledge_export": {"vi": "[năm]", "en": "[year]"},
    "args.pledge_close": {"vi": "[năm]", "en": "[year]"},
    # --- usage and refusals -------------------------------------------------------------------
    "pledge_open.usage": {
        "vi": "Cách dùng: /pledge_open <năm> | <hạn ký dd/mm/yyyy hh:mm> | <nội dung giao ước>\nVí dụ:\n" + _OPEN_EXAMPLE_VI + "\nNội dung cũng có thể là một tệp: gửi tệp văn bản giao ước, rồi trả lời (reply) tệp đó bằng /pledge_open 2027 | 31/01/2027 17:00 (hoặc ghi lệnh vào chú thích của tệp). Ghi hạn ký không kèm giờ thì hạn là 17:00 ngày đó.",
        "en": "Usage: /pledge_open <year> | <deadline dd/mm/yyyy hh:mm> | <pledge text>\nExample:\n" + _OPEN_EXAMPLE_EN + "\nThe text may also be a file: send the pledge document, then reply to it with /pledge_open 2027 | 31/01/2027 17:00 (or put the command in the file's caption). A deadline without a time means 17:00 that day.",
    },
    "sign.usage": {"vi": "Cách dùng: /sign hoặc /sign <năm>, ví dụ /sign 2027.", "en": "Usage: /sign or /sign <year>, e.g. /sign 2027."},
    "unsign.usage": {"vi": "Cách dùng: /unsign hoặc /unsign <năm>, ví dụ /unsign 2027.", "en": "Usage: /unsign or /unsign <year>, e.g. /unsign 2027."},
    "pledge_status.usage": {"vi": "Cách dùng: /pledge_status hoặc /pledge_status <năm>, ví dụ /pledge_status 2027.", "en": "Usage: /pledge_status or /pledge_status <year>, e.g. /pledge_status 2027."},
    "pledge_export.usage": {"vi": "Cách dùng: /pledge_export hoặc /pledge_export <năm>, ví dụ /pledge_export 2027.", "en": "Usage: /pledge_export or /pledge_export <year>, e.g. /pledge_export 2027."},
    "pledge_close.usage": {"vi": "Cách dùng: /pledge_close hoặc /pledge_close <năm>, ví dụ /pledge_close 2027.", "en": "Usage: /pledge_close or /pledge_close <year>, e.g. /pledge_close 2027."},
    "pledge.bad_year": {
        "vi": "Năm «{value}» không hợp lệ: chỉ mở ký giao ước thi đua cho năm nay ({this}) hoặc năm sau ({next}), ghi bằng 4 chữ số.",
        "en": "Year «{value}» is not valid: a pledge can be opened for this year ({this}) or next year ({next}), written with 4 digits.",
    },
    "pledge.bad_lookup_year": {
        "vi": "Năm «{value}» không hợp lệ: ghi một năm từ {min} đến {max} bằng 4 chữ số, ví dụ /{command} {year}. Khối có giao ước các năm: {known}.",
        "en": "Year «{value}» is not valid: write a year from {min} to {max} with 4 digits, e.g. /{command} {year}. The bloc has pledges for: {known}.",
    },
    "pledge.text_too_long": {
        "vi": "Nội dung giao ước dài {length} ký tự, quá {limit} ký tự. Hãy gửi toàn văn thành tệp rồi trả lời tệp đó bằng /pledge_open <năm> | <hạn ký> | <tóm tắt ngắn>.",
        "en": "The pledge text is {length} characters long, over {limit}. Send the full text as a file and reply to it with /pledge_open <year> | <deadline> | <short summary>.",
    },
    "pledge.exists": {
        "vi": "Khối đã có giao ước thi đua năm {year} (mở lúc {opened}, hạn ký {deadline}). Mỗi năm chỉ có một giao ước; xem bằng /pledge_status {year}.",
        "en": "The bloc already has a pledge for {year} (opened {opened}, deadline {deadline}). There is one pledge per year; see it with /pledge_status {year}.",
    },
    "pledge.download_failed": {
        "vi": "Không tải được tệp đính kèm từ máy chủ chat nên chưa mở giao ước. Hãy thử lại sau ít phút.",
        "en": "The attached file could not be downloaded from the chat server, so the pledge was not opened. Please try again in a few minutes.",
    },
    "pledge.none_open": {
        "vi": "Khối chưa có giao ước thi đua nào đang mở ký. Trưởng khối, Phó trưởng khối mở bằng /pledge_open <năm> | <hạn ký> | <nội dung>.",
        "en": "The bloc has no pledge open for signing. The head or deputy opens one with /pledge_open <year> | <deadline> | <text>.",
    },
    "pledge.none_for_year": {
        "vi": "Khối chưa có giao ước thi đua năm {year}. Khối có giao ước các năm: {known}.",
        "en": "The bloc has no pledge for {year}. The bloc has pledges for: {known}.",
    },
    "pledge.years_none": {
        "vi": "chưa có năm nào (mở bằng /pledge_open)",
        "en": "none yet (open one with /pledge_open)",
    },
    "pledge.which": {
        "vi": "Khối đang mở ký giao ước của nhiều năm ({years}); hãy ghi rõ năm, ví dụ /{command} {year}.",
        "en": "Pledges of several years are open ({years}); say which year, e.g. /{command} {year}.",
    },
    "pledge.gone": {
        "vi": "Giao ước này không còn, hoặc không thuộc khối thi đua của bạn.",
        "en": "This pledge no longer exists, or does not belong to your bloc.",
    },
    "pledge.no_unit": {
        "vi": "Bạn chưa đại diện cho đơn vị nào nên chưa ký giao ước được: đơn vị ký, qua cán bộ phụ trách thi đua. Gõ /join <MÃ ĐƠN VỊ> trong nhóm của khối để đăng ký đại diện cho đơn vị mình (xem mã bằng /units).",
        "en": "You do not act for a unit, so you cannot sign: the unit signs, through its emulation officer. Type /join <UNIT CODE> in the bloc's group to act for your unit (see the codes with /units).",
    },
    "pledge.no_unit.nogroup": {
        "vi": "Bạn chưa đại diện cho đơn vị nào nên chưa ký giao ước được: đơn vị ký, qua cán bộ phụ trách thi đua. Xin Trưởng khối mã mời của đơn vị bạn rồi gõ /join <mã mời>.",
        "en": "You do not act for a unit, so you cannot sign: the unit signs, through its emulation officer. Ask the bloc head for your unit's invitation code and type /join <code>.",
    },
    "pledge.unit_not_member": {
        "vi": "Đơn vị {code} không phải thành viên của khối năm {year} nên không ký giao ước năm đó.",
        "en": "Unit {code} is not a member of the bloc in {year}, so it does not sign that year's pledge.",
    },
    "pledge.closed": {
        "vi": "Giao ước thi đua năm {year} đã đóng ký lúc {at}; không ký hay rút chữ ký được nữa. Cần bổ sung, xin liên hệ Trưởng khối.",
        "en": "The {year} pledge closed for signing at {at}; signatures can no longer be added or withdrawn. Contact the bloc head if needed.",
    },
    "pledge.already_closed": {
        "vi": "Giao ước thi đua năm {year} đã đóng ký từ {at}.",
        "en": "The {year} pledge has been closed since {at}.",
    },
    "pledge.not_signed": {
        "vi": "Đơn vị {code} chưa ký giao ước thi đua năm {year} nên không có chữ ký nào để rút.",
        "en": "Unit {code} has not signed the {year} pledge, so there is no signature to withdraw.",
    },
    # --- opening ------------------------------------------------------------------------------
    "pledge.text_in_file": {
        "vi": "Toàn văn giao ước thi đua năm {year} trong tệp đính kèm.",
        "en": "The full text of the {year} pledge is in the attached file.",
    },
    "pledge.doc_caption": {
        "vi": "📎 Văn bản giao ước thi đua năm {year} — khối «{bloc}»",
        "en": "📎 The {year} emulation pledge — bloc «{bloc}»",
    },
    "pledge.opened_elsewhere": {
        "vi": "✅ Đã mở ký giao ước thi đua năm {year}, hạn ký {deadline}. Bài đăng để ký («✍️ Ký giao ước») đã được gửi tới nhóm của khối và riêng cho các cán bộ không xem được nhóm đó.",
        "en": "✅ The {year} pledge is open for signing until {deadline}. The post to sign («✍️ Sign the pledge») went to the bloc's group, and privately to officers who cannot see it.",
    },
    "pledge.opened_no_group": {
        "vi": "✅ Đã mở ký giao ước thi đua năm {year}, hạn ký {deadline}. Khối chưa có nhóm chat nên bài đăng được gửi riêng đến cán bộ các đơn vị (những người đã mở chat riêng với bot).",
        "en": "✅ The {year} pledge is open for signing until {deadline}. The bloc has no group chat, so the post was sent privately to the units' officers (those who opened a private chat with the bot).",
    },
    # --- the live post ----------------------------------------------------------------------------
    "pledge.btn_sign": {"vi": "✍️ Ký giao ước", "en": "✍️ Sign the pledge"},
    "pledge.post_header": {
        "vi": "📜 GIAO ƯỚC THI ĐUA NĂM {year}\nKhối «{bloc}»",
        "en": "📜 EMULATION PLEDGE {year}\nBloc «{bloc}»",
    },
    "pledge.post_file": {
        "vi": "📎 Văn bản kèm theo: {file} (gõ /pledge_status trong chat riêng với bot để nhận tệp)",
        "en": "📎 Attached document: {file} (type /pledge_status in a private chat with the bot to get it)",
    },
    "pledge.post_deadline": {"vi": "⏳ Hạn ký: {deadline}", "en": "⏳ Deadline: {deadline}"},
    "pledge.count": {"vi": "✍️ Đã ký: {count}/{total} đơn vị", "en": "✍️ Signed: {count}/{total} units"},
    "pledge.signed_line": {"vi": "✅ {code} — {unit} ({signer}, {at})", "en": "✅ {code} — {unit} ({signer}, {at})"},
    "pledge.unsigned_codes": {"vi": "Chưa ký: {codes}", "en": "Not signed yet: {codes}"},
    "pledge.post_howto": {
        "vi": "Cán bộ phụ trách thi đua của mỗi đơn vị chọn «✍️ Ký giao ước» (hoặc gõ /sign) để ký cho đơn vị mình. Mỗi đơn vị ký một lần.",
        "en": "Each unit's emulation officer chooses «✍️ Sign the pledge» (or types /sign) to sign for the unit. A unit signs once.",
    },
    "pledge.post_closed": {"vi": "🔒 Đã đóng ký lúc {at}.", "en": "🔒 Signing closed at {at}."},
    # --- signing --------------------------------------------------------------------------------
    "pledge.signed_toast": {
        "vi": "✅ Đã ký giao ước thi đua năm {year} cho đơn vị {code} — {unit}.",
        "en": "✅ Signed the {year} pledge for unit {code} — {unit}.",
    },
    "pledge.signed_reply": {
        "vi": "✅ {name} đã ký giao ước thi đua năm {year} cho đơn vị {code} — {unit} lúc {at}.\nĐã ký: {count}/{total} đơn vị.",
        "en": "✅ {name} signed the {year} pledge for unit {code} — {unit} at {at}.\nSigned: {count}/{total} units.",
    },
    "pledge.already": {
        "vi": "Đơn vị {code} đã ký giao ước thi đua năm {year}: {signer} ký lúc {at}. Mỗi đơn vị chỉ ký một lần.",
        "en": "Unit {code} has already signed the {year} pledge: {signer} signed at {at}. A unit signs once.",
    },
    "pledge.unsigned": {
        "vi": "↩️ Đơn vị {code} — {unit} đã rút chữ ký giao ước thi đua năm {year} ({signer} ký lúc {at}). Có thể ký lại bằng /sign trước {deadline}.",
        "en": "↩️ Unit {code} — {unit} withdrew its signature of the {year} pledge ({signer} signed at {at}). It may sign again with /sign before {deadline}.",
    },
    # --- closing --------------------------------------------------------------------------------
    "pledge.closed_reply": {
        "vi": "🔒 Đã đóng ký giao ước thi đua năm {year}: {count}/{total} đơn vị đã ký. Danh sách cuối cùng được gửi cho cả khối ngay sau đây.",
        "en": "🔒 The {year} pledge is closed: {count}/{total} units signed. The final list goes to the whole bloc right after this.",
    },
    "pledge.final_header": {
        "vi": "🔒 ĐÃ ĐÓNG KÝ GIAO ƯỚC THI ĐUA NĂM {year}\nKhối «{bloc}», lúc {at}.",
        "en": "🔒 THE {year} EMULATION PLEDGE IS CLOSED\nBloc «{bloc}», at {at}.",
    },
    "pledge.final_unsigned": {"vi": "❌ Chưa ký ({count} đơn vị):", "en": "❌ Not signed ({count} units):"},
    "pledge.final_unsigned_line": {"vi": "• {code} — {unit}", "en": "• {code} — {unit}"},
    "pledge.final_all": {"vi": "🎉 Tất cả đơn vị thành viên đã ký.", "en": "🎉 Every member unit signed."},
    # --- status ---------------------------------------------------------------------------------
    "pledge.status_header": {
        "vi": "📜 Giao ước thi đua năm {year} — khối «{bloc}»\n{state}",
        "en": "📜 Emulation pledge {year} — bloc «{bloc}»\n{state}",
    },
    "pledge.state_open": {"vi": "Đang mở ký, hạn ký {deadline}.", "en": "Open for signing until {deadline}."},
    "pledge.state_closed": {"vi": "Đã đóng ký lúc {at}.", "en": "Closed at {at}."},
    "pledge.status_unsigned": {"vi": "❌ Chưa ký ({count} đơn vị):", "en": "❌ Not signed ({count} units):"},
    "pledge.unsigned_line": {"vi": "• {code} — {unit}: {officers}", "en": "• {code} — {unit}: {officers}"},
    "pledge.no_officer": {"vi": "chưa có cán bộ (/join {code})", "en": "no officer yet (/join {code})"},
    # --- reminders ------------------------------------------------------------------------------
    "pledge.remind_header": {
        "vi": "⏰ Nhắc ký giao ước thi đua năm {year} (hạn ký {deadline}): còn {count}/{total} đơn vị chưa ký:",
        "en": "⏰ Reminder: sign the {year} emulation pledge (deadline {deadline}); {count}/{total} units have not signed:",
    },
    "pledge.remind_howto": {
        "vi": "Chọn «✍️ Ký giao ước» dưới đây hoặc gõ /sign để ký cho đơn vị mình.",
        "en": "Choose «✍️ Sign the pledge» below or type /sign to sign for your unit.",
    },
    "pledge.remind_dm": {
        "vi": "⏰ Đơn vị {code} — {unit} chưa ký giao ước thi đua năm {year} của khối «{bloc}». Hạn ký: {deadline}. Gõ /sign tại đây để ký cho đơn vị.",
        "en": "⏰ Unit {code} — {unit} has not signed the {year} pledge of bloc «{bloc}». Deadline: {deadline}. Type /sign here to sign for the unit.",
    },
    "pledge.summary": {
        "vi": "📋 Tổng hợp ký giao ước thi đua năm {year} (khối «{bloc}»): {count}/{total} đơn vị đã ký. Chưa ký: {units}.",
        "en": "📋 Summary of the {year} pledge (bloc «{bloc}»): {count}/{total} units signed. Not signed: {units}.",
    },
    # --- export ---------------------------------------------------------------------------------
    "pledge.export_caption": {
        "vi": "📊 Danh sách ký giao ước thi đua năm {year}: {count}/{total} đơn vị đã ký.",
        "en": "📊 Signatures of the {year} pledge: {count}/{total} units signed.",
    },
    "pledge.export_csv_caption": {
        "vi": "Bản CSV (UTF-8) của cùng danh sách.",
        "en": "The same list as CSV (UTF-8).",
    },
    "pledge.sheet_signatures": {"vi": "Ký giao ước {year}", "en": "Pledge {year}"},
    "pledge.sheet_history": {"vi": "Lịch sử ký", "en": "History"},
    "pledge.col_code": {"vi": "Mã đơn vị", "en": "Unit code"},
    "pledge.col_name": {"vi": "Tên đơn vị", "en": "Unit name"},
    "pledge.col_officer": {"vi": "Cán bộ ký", "en": "Signed by"},
    "pledge.col_time": {"vi": "Thời gian ký", "en": "Signed at"},
    "pledge.col_status": {"vi": "Trạng thái", "en": "Status"},
    "pledge.col_withdrawn": {"vi": "Rút chữ ký lúc", "en": "Withdrawn at"},
    "pledge.status_signed_cell": {"vi": "Đã ký", "en": "Signed"},
    "pledge.status_unsigned_cell": {"vi": "Chưa ký", "en": "Not signed"},
    "pledge.deadline_not_in_year": {
        "vi": "Hạn ký {deadline} không hợp với giao ước năm {year}. Hạn ký phải nằm trong năm {year}, hoặc trong tháng 12/{previous} (ký tại hội nghị tổng kết), ví dụ 31/01/{year} 17:00.",
        "en": "The deadline {deadline} does not fit the {year} pledge. It must fall in {year}, or in December {previous} (signed at the year-end conference), e.g. 31/01/{year} 17:00.",
    },
    "pledge.post_cancelled": {
        "vi": "❌ Giao ước này đã bị hủy (mở nhầm); không ký được nữa.",
        "en": "❌ This pledge was cancelled (opened by mistake); it can no longer be signed.",
    },
    # --- /pledge_edit ------------------------------------------------------------------------
    "cmd.pledge_edit": {"vi": "Sửa hạn ký hoặc nội dung giao ước đang mở", "en": "Change an open pledge's deadline or text"},
    "args.pledge_edit": {"vi": "[năm] | <hạn mới hoặc -> | <nội dung mới hoặc ->", "en": "[year] | <new deadline or -> | <new text or ->"},
    "pledge_edit.usage": {
        "vi": "Cách dùng: /pledge_edit [năm] | <hạn ký mới hoặc -> | <nội dung mới hoặc ->. Ghi - (hoặc để trống) để giữ nguyên, ví dụ\n/pledge_edit 2027 | 31/01/2027 17:00\n/pledge_edit 2027 | - | Các đơn vị thành viên cam kết ...",
        "en": "Usage: /pledge_edit [year] | <new deadline or -> | <new text or ->. Write - (or leave it empty) to keep it, e.g.\n/pledge_edit 2027 | 31/01/2027 17:00\n/pledge_edit 2027 | - | The member units pledge ...",
    },
    "pledge_edit.nothing": {
        "vi": "Không có gì thay đổi: hạn ký và nội dung giống như cũ.",
        "en": "Nothing changes: the deadline and the text are the same as before.",
    },
    "pledge_edit.done_deadline": {
        "vi": "✅ Đã đổi hạn ký giao ước thi đua năm {year} thành {deadline}; các chữ ký giữ nguyên, lịch nhắc được lập lại.",
        "en": "✅ The {year} pledge's deadline is now {deadline}; signatures stay, reminders are replanned.",
    },
    "pledge_edit.done_text": {
        "vi": "✅ Đã sửa nội dung giao ước thi đua năm {year}. Chữ ký trước đây là ký cho nội dung cũ nên được rút (vẫn lưu trong lịch sử); {count} đơn vị đã ký ({codes}) được nhắn ký lại.",
        "en": "✅ The {year} pledge's text is changed. Earlier signatures were given to the old text, so they are withdrawn (kept in the history); the {count} units that had signed ({codes}) are asked to sign again.",
    },
    "pledge_edit.done_text_nobody": {
        "vi": "✅ Đã sửa nội dung giao ước thi đua năm {year} (chưa đơn vị nào ký).",
        "en": "✅ The {year} pledge's text is changed (no unit had signed yet).",
    },
    "pledge.notice_deadline": {
        "vi": "📜 Giao ước thi đua năm {year}: hạn ký đổi thành {deadline}. Các chữ ký đã có vẫn giữ nguyên.",
        "en": "📜 The {year} pledge: the deadline is now {deadline}. Signatures already given stay.",
    },
    "pledge.notice_text": {
        "vi": "📜 Giao ước thi đua năm {year} đã được sửa nội dung; xem bằng /pledge_status {year}. {resign}",
        "en": "📜 The text of the {year} pledge has changed; see it with /pledge_status {year}. {resign}",
    },
    "pledge.notice_resign": {
        "vi": "Các đơn vị đã ký trước đây cần ký lại: {codes}.",
        "en": "The units that had signed need to sign again: {codes}.",
    },
    "pledge.sign_again_dm": {
        "vi": "✍️ Nội dung giao ước thi đua năm {year} đã được sửa, nên chữ ký trước đây của đơn vị {code} được rút. Xin đọc lại (/pledge_status {year}) và ký lại.",
        "en": "✍️ The text of the {year} pledge has changed, so unit {code}'s earlier signature is withdrawn. Please read it again (/pledge_status {year}) and sign again.",
    },
    # --- /pledge_cancel ----------------------------------------------------------------------
    "cmd.pledge_cancel": {"vi": "Hủy giao ước mở nhầm", "en": "Cancel a pledge opened by mistake"},
    "args.pledge_cancel": {"vi": "[năm]", "en": "[year]"},
    "pledge_cancel.confirm": {
        "vi": "⚠️ Hủy giao ước thi đua năm {year}? Đã có {count} đơn vị ký:\n{signers}\nHủy thì các chữ ký này không còn giá trị (vẫn lưu trong lịch sử) và cả khối được báo. Sau đó có thể mở giao ước mới cho năm {year}.",
        "en": "⚠️ Cancel the {year} pledge? {count} units have signed:\n{signers}\nCancelling voids these signatures (they stay in the history) and the whole bloc is told. A new pledge for {year} can then be opened.",
    },
    "pledge_cancel.signer_line": {"vi": "• {code} — {unit} ({signer}, {at})", "en": "• {code} — {unit} ({signer}, {at})"},
    "pledge_cancel.btn_yes": {"vi": "❌ Hủy giao ước", "en": "❌ Cancel the pledge"},
    "pledge_cancel.btn_no": {"vi": "Không hủy", "en": "Keep it"},
    "pledge_cancel.kept": {"vi": "Giao ước thi đua năm {year} được giữ nguyên.", "en": "The {year} pledge is kept."},
    "pledge_cancel.needs_confirmation": {
        "vi": "Giao ước đã có đơn vị ký: gõ lại /pledge_cancel rồi chọn «Hủy giao ước» để xác nhận.",
        "en": "Units have signed this pledge: type /pledge_cancel again and choose «Cancel the pledge» to confirm.",
    },
    "pledge_cancel.done": {
        "vi": "✅ Đã hủy giao ước thi đua năm {year}. Mở giao ước đúng bằng /pledge_open {year} | <hạn ký> | <nội dung>.",
        "en": "✅ The {year} pledge is cancelled. Open the right one with /pledge_open {year} | <deadline> | <text>.",
    },
    "pledge.notice_cancelled": {
        "vi": "❌ Giao ước thi đua năm {year} đã bị hủy (mở nhầm). Trưởng khối sẽ mở lại giao ước đúng; chữ ký trước đây không còn giá trị.",
        "en": "❌ The {year} pledge was cancelled (opened by mistake). The head will open the right one; earlier signatures no longer count.",
    },
}
