"""Texts of the award catalog (/awards): danh hiệu thi đua, hình thức khen thưởng and their quotas."""

MESSAGES: dict[str, dict[str, str]] = {
    # --- command menu ---------------------------------------------------------------------------
    "cmd.awards": {"vi": "Danh hiệu thi đua của khối, chỉ tiêu, thứ bậc", "en": "The bloc's awards, quotas and ranks"},
    "args.awards": {"vi": "[them|chitieu|vitri|xoa ...]", "en": "[add|quota|move|remove ...]"},
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
}
