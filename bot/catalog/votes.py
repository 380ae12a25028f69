"""Texts of award nominations and elections by secret ballot: /awards, /vote_rules, /vote, the ballot,
closing, results, minutes, /elect and /handover."""

MESSAGES: dict[str, dict[str, str]] = {
    # --- command menu ---------------------------------------------------------------------------
    "cmd.awards": {"vi": "Danh hiệu thi đua của khối, chỉ tiêu, thứ bậc", "en": "The bloc's awards, quotas and ranks"},
    "args.awards": {"vi": "[them|chitieu|vitri|xoa ...]", "en": "[add|quota|move|remove ...]"},
    "cmd.vote_rules": {"vi": "Quy chế bỏ phiếu: túc số, ngưỡng, tự bầu", "en": "Voting rules: quorum, threshold, self-vote"},
    "args.vote_rules": {"vi": "[tucso|nguong|bau|tubau|loaitru <giá trị>]", "en": "[quorum|threshold|election|self|exclude <value>]"},
    # --- /awards ------------------------------------------------------------------------------------
    "awards.header": {
        "vi": "🏅 Danh hiệu thi đua của khối «{bloc}» (từ cao xuống thấp):",
        "en": "🏅 Awards of bloc «{bloc}» (highest first):",
    },
    "awards.line": {"vi": "{index}. {name} — chỉ tiêu {quota} đơn vị", "en": "{index}. {name} — quota {quota} unit(s)"},
    "awards.empty": {"vi": "(chưa có danh hiệu nào)", "en": "(no awards yet)"},
    "awards.help": {
        "vi": "Trưởng khối, Phó trưởng khối sửa danh sách:\n/awards them <tên> | <chỉ tiêu> [| <vị trí>]\n/awards chitieu <số hoặc tên> <chỉ tiêu>\n/awards vitri <số hoặc tên> <vị trí mới>\n/awards xoa <số hoặc tên>\nVí dụ: /awards chitieu 3 4 · /awards them Cờ thi đua xuất sắc | 1 | 2\nMở bỏ phiếu: /vote",
        "en": "The head or deputy edits the list:\n/awards add <name> | <quota> [| <position>]\n/awards quota <number or name> <quota>\n/awards move <number or name> <new position>\n/awards remove <number or name>\nE.g. /awards quota 3 4 · /awards add Excellence flag | 1 | 2\nOpen a vote: /vote",
    },
    "awards.usage": {
        "vi": "Cách dùng:\n/awards — xem danh sách\n/awards them <tên> | <chỉ tiêu> [| <vị trí>], ví dụ /awards them Cờ thi đua xuất sắc | 1 | 2\n/awards chitieu <số hoặc tên> <chỉ tiêu>, ví dụ /awards chitieu 3 4\n/awards vitri <số hoặc tên> <vị trí mới>, ví dụ /awards vitri 3 1\n/awards xoa <số hoặc tên>, ví dụ /awards xoa 3",
        "en": "Usage:\n/awards — the list\n/awards add <name> | <quota> [| <position>], e.g. /awards add Excellence flag | 1 | 2\n/awards quota <number or name> <quota>, e.g. /awards quota 3 4\n/awards move <number or name> <new position>, e.g. /awards move 3 1\n/awards remove <number or name>, e.g. /awards remove 3",
    },
    "awards.added": {"vi": "✅ Đã thêm danh hiệu «{name}», chỉ tiêu {quota}.", "en": "✅ Added «{name}», quota {quota}."},
    "awards.quota_set": {"vi": "✅ «{name}»: chỉ tiêu {quota} đơn vị.", "en": "✅ «{name}»: quota {quota} unit(s)."},
    "awards.moved": {"vi": "✅ Đã đổi thứ bậc của «{name}».", "en": "✅ Moved «{name}»."},
    "awards.removed": {
        "vi": "✅ Đã bỏ «{name}» khỏi danh sách (các cuộc bỏ phiếu đã có vẫn giữ nguyên).",
        "en": "✅ Removed «{name}» from the list (votes already held are kept).",
    },
    "award.unknown": {
        "vi": "Không tìm thấy danh hiệu «{value}». Ghi số thứ tự hoặc tên trong /awards: {names}",
        "en": "No award «{value}». Give its number or name from /awards: {names}",
    },
    "award.ambiguous": {
        "vi": "«{value}» khớp với nhiều danh hiệu: {names}. Hãy ghi số thứ tự hoặc tên đầy đủ hơn.",
        "en": "«{value}» matches several awards: {names}. Give the number or a fuller name.",
    },
    "award.bad_quota": {
        "vi": "Chỉ tiêu «{value}» không hợp lệ: ghi một số từ 1 đến {max}.",
        "en": "Quota «{value}» is not valid: give a number from 1 to {max}.",
    },
    "award.duplicate": {"vi": "Khối đã có danh hiệu «{name}».", "en": "The bloc already has the award «{name}»."},
    "award.too_many": {"vi": "Khối đã có {max} danh hiệu, không thêm được nữa.", "en": "The bloc already has {max} awards."},
    "award.in_use": {
        "vi": "Đang có phiếu bầu mở cho «{name}»; đóng phiếu đó trước (/vote_close) rồi mới bỏ danh hiệu.",
        "en": "A vote for «{name}» is open; close it first (/vote_close), then remove the award.",
    },
    # --- /vote_rules ----------------------------------------------------------------------------------
    "rules.header": {"vi": "⚖️ Quy chế bỏ phiếu của khối «{bloc}»:", "en": "⚖️ Voting rules of bloc «{bloc}»:"},
    "rules.quorum": {
        "vi": "• Túc số (tucso): cuộc bỏ phiếu hợp lệ khi {share} số đơn vị thành viên bỏ phiếu (nay {members} đơn vị: ít nhất {needed}); không đủ thì cuộc bỏ phiếu không có giá trị.",
        "en": "• Quorum (quorum): a vote is valid when {share} of the member units cast a ballot (now {members} units: at least {needed}); otherwise it is void.",
    },
    "rules.threshold": {
        "vi": "• Ngưỡng suy tôn (nguong): đơn vị được chọn khi được {share} tổng số đơn vị thành viên đồng ý (nay ít nhất {needed} phiếu trong {members} đơn vị); lấy theo số phiếu từ cao xuống đến đủ chỉ tiêu, bằng phiếu ở suất cuối thì bầu lại.",
        "en": "• Threshold (threshold): a unit is selected when {share} of all member units approve it (now at least {needed} of {members}); the top by count fill the quota, a tie for the last seat goes to a run-off.",
    },
    "rules.election": {
        "vi": "• Bầu Trưởng khối, Phó trưởng khối (bau): trúng cử khi được nhiều phiếu nhất và {share} số phiếu bầu (phiếu trắng vẫn tính là phiếu bầu); không ai đạt hoặc hòa phiếu thì bầu lại giữa những đơn vị cao phiếu nhất, vòng bầu lại lấy đơn vị nhiều phiếu nhất.",
        "en": "• Head and deputy (election): elected with the most votes and {share} of the ballots cast (blank ballots count as cast); if nobody reaches it, or on a tie, a run-off between the top ones, decided by the most votes.",
    },
    "rules.self_vote": {
        "vi": "• Tự bầu (tubau): {value} — đơn vị được bỏ phiếu cho chính mình.",
        "en": "• Self-vote (self): {value} — a unit may vote for itself.",
    },
    "rules.exclude": {
        "vi": "• Loại trừ (loaitru): {value} — đơn vị đã được suy tôn danh hiệu cao hơn trong năm không có tên ở danh hiệu thấp hơn.",
        "en": "• Exclusion (exclude): {value} — a unit already selected for a higher award this year is left off lower awards.",
    },
    "rules.yes": {"vi": "có", "en": "yes"},
    "rules.no": {"vi": "không", "en": "no"},
    "rules.help": {
        "vi": "Trưởng khối, Phó trưởng khối đổi: /vote_rules tucso >=2/3 · /vote_rules nguong >50% · /vote_rules bau >1/2 · /vote_rules tubau khong · /vote_rules loaitru co · /vote_rules macdinh (trở về mặc định). Phiếu đang mở giữ quy chế lúc mở.",
        "en": "The head or deputy changes them: /vote_rules quorum >=2/3 · /vote_rules threshold >50% · /vote_rules election >1/2 · /vote_rules self no · /vote_rules exclude yes · /vote_rules default. Open votes keep the rules they opened with.",
    },
    "rules.usage": {
        "vi": "Cách dùng: /vote_rules <tucso|nguong|bau|tubau|loaitru> <giá trị>, ví dụ /vote_rules tucso >=2/3, /vote_rules nguong >50%, /vote_rules tubau khong. Gõ /vote_rules để xem quy chế hiện tại.",
        "en": "Usage: /vote_rules <quorum|threshold|election|self|exclude> <value>, e.g. /vote_rules quorum >=2/3, /vote_rules threshold >50%, /vote_rules self no. Type /vote_rules to see the current rules.",
    },
    "rules.unknown_key": {
        "vi": "Không có quy định «{value}». Chọn: tucso (túc số), nguong (ngưỡng suy tôn), bau (bầu Trưởng/Phó trưởng khối), tubau (tự bầu), loaitru (loại trừ), hoặc macdinh.",
        "en": "There is no rule «{value}». Pick: quorum, threshold, election, self, exclude, or default.",
    },
    "rules.bad_share": {
        "vi": "Tỷ lệ «{value}» không hợp lệ. Ghi phân số hoặc phần trăm, có thể kèm >= (từ … trở lên) hoặc > (trên): ví dụ >=2/3, >1/2, 50%, >66,7%. Giá trị phải lớn hơn 0 và không quá 1.",
        "en": "Share «{value}» is not valid. Write a fraction or a percentage, optionally with >= (at least) or > (more than): e.g. >=2/3, >1/2, 50%, >66.7%. It must be above 0 and at most 1.",
    },
    "rules.bad_flag": {
        "vi": "Giá trị «{value}» không hợp lệ: ghi co hoặc khong.",
        "en": "Value «{value}» is not valid: write yes or no.",
    },
    "rules.set": {"vi": "✅ Đã cập nhật quy chế bỏ phiếu.", "en": "✅ Voting rules updated."},
}

MESSAGES.update({
    # --- /elect, /handover ---------------------------------------------------------------------
    "cmd.elect": {"vi": "Bầu Trưởng khối rồi Phó trưởng khối của năm (phiếu kín)", "en": "Elect a year's head, then deputy (secret ballot)"},
    "args.elect": {"vi": "<năm> [| thời gian đóng hoặc tay]", "en": "<year> [| closing time or hand]"},
    "cmd.handover": {"vi": "Bàn giao: Trưởng, Phó trưởng khối mới nhận nhiệm vụ ngay", "en": "Hand over: the new head and deputy take office now"},
    "args.handover": {"vi": "[năm]", "en": "[year]"},
    "elect.usage": {
        "vi": "Cách dùng: /elect <năm> [| thời gian đóng hoặc tay], ví dụ /elect {next_year} (đóng bằng tay) hoặc /elect {next_year} | 20/12/2026 11:00. Bầu Trưởng khối trước; gõ lại /elect {next_year} sau khi có kết quả để bầu Phó trưởng khối.",
        "en": "Usage: /elect <year> [| closing time or hand], e.g. /elect {next_year} (closed by hand) or /elect {next_year} | 20/12/2026 11:00. The head is elected first; type /elect {next_year} again after the result to elect the deputy.",
    },
    "elect.past_year": {"vi": "Không bầu cho năm {year} đã qua; thường bầu cho năm sau ({next_year}).", "en": "{year} is past; elections are usually for next year ({next_year})."},
    "elect.open": {"vi": "Đang bầu {role} (phiếu #{id}); đóng phiếu đó trước bằng /vote_close {id}.", "en": "The {role} election (#{id}) is open; close it first with /vote_close {id}."},
    "elect.needs_runoff": {
        "vi": "Phiếu bầu {role} #{id} chưa có đơn vị trúng cử: mở vòng bầu lại bằng /vote_runoff {id}.",
        "en": "Vote #{id} for the {role} elected nobody yet: open the run-off with /vote_runoff {id}.",
    },
    "elect.done": {
        "vi": "Năm {year} đã bầu xong: Trưởng khối {head}, Phó trưởng khối {deputy}. Bàn giao ngay bằng /handover {year}.",
        "en": "The {year} election is complete: head {head}, deputy {deputy}. Hand over now with /handover {year}.",
    },
    "handover.usage": {"vi": "Cách dùng: /handover [năm], ví dụ /handover {next_year}.", "en": "Usage: /handover [year], e.g. /handover {next_year}."},
    "handover.not_head": {"vi": "Chỉ cán bộ của đơn vị Trưởng khối đương nhiệm mới bàn giao được.", "en": "Only an officer of the current head unit can hand over."},
    "handover.bad_year": {"vi": "Bàn giao cho năm sau ({next_year}); năm {year} đã có hiệu lực.", "en": "Hand over to next year ({next_year}); {year} is already in force."},
    "handover.no_head": {
        "vi": "Chưa có Trưởng khối năm {year}: bầu bằng /elect {year} (hoặc đặt bằng /head <MÃ> {year}).",
        "en": "There is no head for {year} yet: elect one with /elect {year} (or set it with /head <CODE> {year}).",
    },
    "handover.already": {"vi": "Trưởng khối, Phó trưởng khối năm {year} đã nhận nhiệm vụ rồi.", "en": "The head and deputy of {year} are already in office."},
    "handover.done": {
        "vi": "🤝 BÀN GIAO: từ {when}, {head} là Trưởng khối (nhiệm kỳ năm {year}), nhận bàn giao từ {outgoing}. Cán bộ của đơn vị Trưởng khối mới quản trị khối từ bây giờ.",
        "en": "🤝 HANDOVER: from {when}, {head} is the bloc head (term {year}), taking over from {outgoing}. The new head unit's officers manage the bloc from now on.",
    },
    "handover.deputy": {"vi": "Phó trưởng khối: {deputy}.", "en": "Deputy head: {deputy}."},
    "handover.no_deputy": {
        "vi": "Chưa có Phó trưởng khối năm {year}: Phó trưởng khối hiện tại tiếp tục đến khi bầu xong (/elect {year}).",
        "en": "No deputy for {year} yet: the current deputy stays until one is elected (/elect {year}).",
    },
})
