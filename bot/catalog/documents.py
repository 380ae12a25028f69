"""Texts of the official documents' commands: /minutes, /proposal, /dossier, /dossier_collect, /place,
/verify. (The documents themselves are in Vietnamese: bot/services/documents.)"""

_OPTIONS_VI = "[năm] [| số: 05] [| chủ trì: …] [| thư ký: …] [| kiểm phiếu: A, B]"
_OPTIONS_EN = "[year] [| số: 05] [| chủ trì: …] [| thư ký: …] [| kiểm phiếu: A, B]"

MESSAGES: dict[str, dict[str, str]] = {
    "cmd.minutes": {"vi": "Biên bản họp bình xét, suy tôn của năm (.docx)", "en": "Minutes of the year's evaluation meeting (.docx)"},
    "args.minutes": {"vi": _OPTIONS_VI, "en": _OPTIONS_EN},
    "cmd.proposal": {"vi": "Tờ trình đề nghị khen thưởng gửi Hội đồng TĐKT tỉnh (.docx)", "en": "Proposal letter to the provincial council (.docx)"},
    "args.proposal": {"vi": "[năm] [| số: 05] [| chủ trì: <tên Trưởng khối ký>]", "en": "[year] [| số: 05] [| chủ trì: <head's name>]"},
    "cmd.dossier": {"vi": "Hồ sơ đề nghị khen thưởng của năm (.zip, có mục lục SHA-256)", "en": "The year's award dossier (.zip with a SHA-256 index)"},
    "args.dossier": {"vi": "[năm]", "en": "[year]"},
    "cmd.dossier_collect": {"vi": "Mở hạn nộp báo cáo thành tích cho các đơn vị được suy tôn", "en": "Open the deadline for the nominated units' achievement reports"},
    "args.dossier_collect": {"vi": "<năm> | <hạn dd/mm/yyyy [hh:mm]>", "en": "<year> | <deadline dd/mm/yyyy [hh:mm]>"},
    "dossier_collect.usage": {"vi": "Cách dùng: /dossier_collect <năm> | <hạn>, ví dụ /dossier_collect 2026 | 05/12/2026 17:00: các đơn vị được suy tôn năm đó nộp báo cáo thành tích (/submit), bot nhắc đơn vị chưa nộp.", "en": "Usage: /dossier_collect <year> | <deadline>, e.g. /dossier_collect 2026 | 05/12/2026 17:00: the units nominated that year send their achievement reports (/submit); the bot reminds those that have not."},
    "dossier.collect_exists": {"vi": "Đã có hạn nộp báo cáo thành tích năm {year} (#{id}); đổi hạn bằng /deadline_move {id} <hạn mới>.", "en": "The {year} achievement reports already have a deadline (#{id}); move it with /deadline_move {id} <new time>."},
    "dossier.caption": {"vi": "🗂 Hồ sơ đề nghị khen thưởng năm {year}: {count} tệp, mục lục kèm SHA-256 trong 0-muc-luc.txt. {missing}", "en": "🗂 Award dossier for {year}: {count} files, index with SHA-256 in 0-muc-luc.txt. {missing}"},
    "dossier.missing": {"vi": "Còn thiếu: {items}.", "en": "Still missing: {items}."},
    "dossier.complete": {"vi": "Đủ hồ sơ.", "en": "Complete."},
    "cmd.place": {"vi": "Địa danh ghi trên văn bản của khối", "en": "Place name on the bloc's documents"},
    "args.place": {"vi": "[địa danh, ví dụ Yên Bái]", "en": "[place, e.g. Yên Bái]"},
    "cmd.verify": {"vi": "Kiểm tra mã phiếu của bạn đã được đếm chưa (chat riêng)", "en": "Check that your receipt was counted (private chat)"},
    "args.verify": {"vi": "<mã phiếu, ví dụ K7M-2QX>", "en": "<receipt, e.g. K7M-2QX>"},
    "docs.minutes_caption": {"vi": "📄 Biên bản họp bình xét, suy tôn năm {year}: kiểm tra, điền số văn bản và giờ kết thúc, in, ký.", "en": "📄 Minutes of the {year} evaluation meeting: check, fill in the number and closing time, print, sign."},
    "docs.proposal_caption": {"vi": "📄 Tờ trình đề nghị khen thưởng năm {year}: kiểm tra, điền số văn bản, trình Trưởng khối ký.", "en": "📄 Proposal letter for {year}: check, fill in the number, have the head sign."},
    "docs.bad_option": {
        "vi": "Không hiểu «{option}». Thêm sau dấu |, ví dụ: /minutes 2026 | số: 05 | chủ trì: Nguyễn Văn A | thư ký: Trần Thị B | kiểm phiếu: Lê C, Phạm D",
        "en": "«{option}» is not understood. Add after |, e.g.: /minutes 2026 | số: 05 | chủ trì: Nguyễn Văn A | thư ký: Trần Thị B | kiểm phiếu: Lê C, Phạm D",
    },
    "docs.no_votes": {"vi": "Năm {year} khối chưa có cuộc bỏ phiếu nào: chưa có gì để ghi biên bản. Mở phiếu bằng /vote.", "en": "The bloc held no votes in {year}: nothing to minute yet. Open one with /vote."},
    "docs.votes_open": {"vi": "Năm {year} còn phiếu đang mở ({ids}): đóng phiếu (/vote_close) rồi lập văn bản.", "en": "Votes of {year} are still open ({ids}): close them (/vote_close) first."},
    "docs.nothing_selected": {"vi": "Năm {year} chưa có đơn vị nào được suy tôn: chưa có gì để đề nghị. Xem /results {year}.", "en": "No unit was selected for an award in {year}: nothing to propose. See /results {year}."},
    "place.show": {"vi": "Địa danh trên văn bản của khối: {place}. Đổi: /place <địa danh>.", "en": "Place name on the bloc's documents: {place}. Change: /place <place>."},
    "place.none": {"vi": "Khối chưa đặt địa danh; văn bản để trống chỗ địa danh. Trưởng khối đặt: /place <địa danh>, ví dụ /place Yên Bái.", "en": "No place name set; documents leave it blank. The head sets it: /place <place>, e.g. /place Yên Bái."},
    "place.set": {"vi": "✅ Địa danh trên văn bản của khối: {place}.", "en": "✅ Place name on the bloc's documents: {place}."},
    "place.bad": {"vi": "Địa danh phải là tên ngắn (tối đa {max} ký tự, không có dấu phẩy), ví dụ /place Yên Bái.", "en": "The place name must be short ({max} characters at most, no commas), e.g. /place Yên Bái."},
    "place.unchanged": {"vi": "Địa danh đã là {place}; không có gì thay đổi.", "en": "The place name is already {place}; nothing changed."},
    "verify.usage": {"vi": "Cách dùng: /verify <mã phiếu>, ví dụ /verify K7M-2QX (mã in trên biên nhận khi bạn gửi phiếu).", "en": "Usage: /verify <receipt>, e.g. /verify K7M-2QX (the code on the receipt you got when voting)."},
    "verify.found": {"vi": "✅ Mã phiếu {code} có trong danh sách phiếu đã được đếm của phiếu #{id} — {title} (đóng lúc {closed}).", "en": "✅ Receipt {code} is among the counted ballots of vote #{id} — {title} (closed {closed})."},
    "verify.not_found": {"vi": "Không có mã phiếu {code} trong các cuộc bỏ phiếu đã đóng của khối. Kiểm tra lại mã; phiếu đang mở chỉ được đếm khi đóng.", "en": "Receipt {code} is not among the counted ballots of the bloc's closed votes. Check the code; an open vote is counted when it closes."},
}
