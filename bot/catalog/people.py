"""Texts of people: /join and its approval, /leave, /whoami, one-time codes (/invite, /link, /join <code>)."""

MESSAGES: dict[str, dict[str, str]] = {
    "cmd.join": {"vi": "Đăng ký đại diện cho đơn vị của bạn", "en": "Ask to act for your unit"},
    "cmd.leave": {"vi": "Thôi đại diện cho đơn vị", "en": "Stop acting for your unit"},
    "cmd.requests": {"vi": "Các yêu cầu đại diện đang chờ duyệt", "en": "Pending requests to act for a unit"},
    "cmd.whoami": {"vi": "Đơn vị và vai trò của bạn", "en": "Your unit and roles"},
    "args.join": {"vi": "<MÃ>", "en": "<CODE>"},
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
        "vi": "Yêu cầu đại diện cho đơn vị {code} bạn gửi lúc {at} đang chờ duyệt. Người duyệt xem lại bằng /requests; sau một giờ, gõ lại /join {code} để đăng lại yêu cầu.",
        "en": "Your request to act for {code}, sent at {at}, is waiting to be decided. Approvers see it with /requests; after an hour, type /join {code} again to post it anew.",
    },
    "join.request_post": {
        "vi": "🙋 {name} xin đại diện cho đơn vị {code} — {unit}.\nNgười duyệt: {who}. Bấm nút bên dưới, hoặc gõ /requests.",
        "en": "🙋 {name} asks to act for unit {code} — {unit}.\nWho decides: {who}. Press a button below, or type /requests.",
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
    "join.approvers_named": {"vi": "{names} (Trưởng khối, Phó trưởng khối)", "en": "{names} (head and deputy)"},
    "join.approver_setup_admin": {
        "vi": "{name} (người lập khối, quản trị tạm thời cho đến khi có cán bộ của cả Trưởng khối và Phó trưởng khối)",
        "en": "{name} (who set the bloc up, administering it until the head's and deputy's units both have an officer)",
    },
    "join.approvers_and_admin": {"vi": "{names} hoặc {admin}", "en": "{names} or {admin}"},
    "join.approvers_nobody": {
        "vi": "chưa có ai (chưa có cán bộ Trưởng khối, Phó trưởng khối)",
        "en": "nobody yet (the head and deputy units have no officer)",
    },
    "join.cancelled_post": {
        "vi": "↩️ Yêu cầu của {name} đại diện cho đơn vị {code} — {unit} không còn hiệu lực (người xin đã vào khối bằng mã mời, hoặc đã gửi yêu cầu mới).",
        "en": "↩️ {name}'s request to act for unit {code} — {unit} no longer stands (they joined with an invitation code, or asked again).",
    },
    "join.expired_post": {
        "vi": "⌛ Yêu cầu của {name} đại diện cho đơn vị {code} — {unit} đã hết hạn sau 7 ngày chưa được duyệt.",
        "en": "⌛ {name}'s request to act for unit {code} — {unit} expired after 7 days without a decision.",
    },
    "join.expired_dm": {
        "vi": "⌛ Yêu cầu đại diện cho đơn vị {code} — {unit} (khối «{bloc}») của bạn đã hết hạn sau {days} ngày chưa được duyệt. Muốn xin lại, gõ lại /join {code}, hoặc xin Trưởng khối mã mời rồi gõ /join <mã mời>.",
        "en": "⌛ Your request to act for unit {code} — {unit} (bloc «{bloc}») expired after {days} days without a decision. To ask again, type /join {code} once more, or ask the head for an invitation code and type /join <code>.",
    },
    "requests.none": {"vi": "Không có yêu cầu nào đang chờ duyệt.", "en": "No request is waiting for a decision."},
    "requests.header": {"vi": "🙋 Yêu cầu đại diện đang chờ duyệt ({count}):", "en": "🙋 Requests waiting for a decision ({count}):"},
    "requests.line": {"vi": "{n}. {name} → {code} — {unit} (gửi lúc {at})", "en": "{n}. {name} → {code} — {unit} (sent {at})"},
    "requests.btn_approve": {"vi": "✅ {n}. {name} → {code}", "en": "✅ {n}. {name} → {code}"},
    "requests.btn_reject": {"vi": "❌ Từ chối {n}", "en": "❌ Reject {n}"},
    "leave.needs_confirmation": {
        "vi": "Bạn là cán bộ cuối cùng của đơn vị Trưởng khối/Phó trưởng khối; gõ lại /leave rồi chọn «Vẫn thôi đại diện» để xác nhận.",
        "en": "You are the last officer of the head's or deputy's unit; type /leave again and choose «Leave anyway» to confirm.",
    },
    "leave.confirm_role": {
        "vi": "⚠️ Bạn là cán bộ cuối cùng của đơn vị {code} — {unit} ({roles}). Nếu bạn thôi đại diện, {roles} sẽ không còn ai điều hành trong khối cho đến khi đơn vị có cán bộ mới (/join {code} hoặc /invite {code}). Bạn vẫn muốn thôi?",
        "en": "⚠️ You are the last officer of unit {code} — {unit} ({roles}). If you leave, nobody will act as {roles} in the bloc until the unit has a new officer (/join {code} or /invite {code}). Leave anyway?",
    },
    "leave.confirm_nobody": {
        "vi": "⚠️ Bạn là cán bộ cuối cùng của đơn vị {code} — {unit} ({roles}). Nếu bạn thôi đại diện, khối sẽ KHÔNG CÒN AI điều hành: không ai duyệt yêu cầu, mở phiếu hay đóng phiếu được cho đến khi đơn vị có cán bộ mới. Nên mời người thay trước (/invite {code}). Bạn vẫn muốn thôi?",
        "en": "⚠️ You are the last officer of unit {code} — {unit} ({roles}). If you leave, NOBODY will run the bloc: no one can approve requests or open and close votes until the unit has a new officer. Better invite your successor first (/invite {code}). Leave anyway?",
    },
    "leave.btn_yes": {"vi": "Vẫn thôi đại diện", "en": "Leave anyway"},
    "leave.btn_no": {"vi": "Ở lại", "en": "Stay"},
    "leave.kept": {"vi": "Bạn vẫn đại diện cho đơn vị.", "en": "You still act for your unit."},
    "leave.not_yours": {"vi": "Câu hỏi này dành cho người đã gõ /leave.", "en": "This question is for whoever typed /leave."},
    "leave.not_officer": {
        "vi": "Bạn chưa đại diện cho đơn vị nào nên không cần /leave.",
        "en": "You do not act for any unit, so there is nothing to leave.",
    },
    "leave.done": {
        "vi": "{name} đã thôi đại diện cho đơn vị {code} — {unit}.",
        "en": "{name} no longer acts for unit {code} — {unit}.",
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
    "invite.too_many": {
        "vi": "Đã có quá nhiều mã sai được gõ trong một giờ qua. Vì an toàn, hãy thử lại sau {until}, và kiểm tra mã với Trưởng khối (8 ký tự, ví dụ K7P3-QX9A).",
        "en": "Too many wrong codes were typed in the past hour. For safety, try again after {until}, and check the code with the bloc head (8 characters, e.g. K7P3-QX9A).",
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
        "vi": "Đã gửi yêu cầu đại diện cho đơn vị {code} — {unit}. Người duyệt: {who}. Bạn sẽ nhận tin khi yêu cầu được duyệt; yêu cầu hết hạn sau 7 ngày.",
        "en": "Your request to act for unit {code} — {unit} was sent. Who decides: {who}. You will hear when it is approved; it expires after 7 days.",
    },
    "join.request_dm": {
        "vi": "🙋 {name} xin đại diện cho đơn vị {code} — {unit} (khối «{bloc}»). Bạn có duyệt không?",
        "en": "🙋 {name} asks to act for unit {code} — {unit} (bloc «{bloc}»). Do you approve?",
    },
}
