"""A real bloc's units (Khối Văn hóa – Xã hội) for tests."""

UNITS = [
    ("VHTTDL", "Sở Văn hóa, Thể thao và Du lịch"),
    ("YTE", "Sở Y tế"),
    ("GDDT", "Sở Giáo dục và Đào tạo"),
    ("LDTBXH", "Sở Lao động – Thương binh và Xã hội"),
    ("TTTT", "Sở Thông tin và Truyền thông"),
    ("PTTH", "Đài Phát thanh – Truyền hình tỉnh"),
    ("BHXH", "Bảo hiểm xã hội tỉnh"),
    ("BDT", "Ban Dân tộc"),
    ("CDSP", "Trường Cao đẳng Sư phạm"),
]
OFFICER_NAMES = ["Lan", "Hùng", "Mai", "Tuấn", "Hoa", "Dũng", "Thảo", "Minh", "Ngọc"]
