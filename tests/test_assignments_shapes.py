"""Assignments in the shapes Party and State documents write them: input lines (written for these
tests) → the whole list of (assignee, role, task, deadline, person_name, position)."""
import itertools

import pytest
import regex

from extractors import assignments, structure
from pipeline import vocab
from pipeline.vocab import PERSON_TITLES
from tests.plans import plan

# The grammar of a short 'Label:' at a line start, as a pattern: what structure.label_span reads
# with str methods (the tests below hold them to the same answers).
LABEL = regex.compile(rf"^(?P<label>[^:;.()\n]{{2,{structure.LABEL_LONGEST}}}?)[ ]{{0,2}}:(?!\d)[ ]{{0,4}}")


def rows(text, title="Triển khai nhiệm vụ năm 2025", issue_date="2025-03-10"):
    _, found = plan(text, issue_date, title=title)
    return [(a.assignee, a.role, a.task, a.deadline, a.person_name, a.position) for a in found["assignments"]]


SHAPES = {
    # unit headings with lettered tasks (a Chỉ thị)
    "unit heading, lettered tasks": (
        "Để triển khai hiệu quả, Chủ tịch Ủy ban nhân dân tỉnh chỉ thị:\n"
        "1. Sở Y tế:\na) Chỉ đạo các bệnh viện chuẩn bị đủ thuốc, vật tư phòng dịch.\n"
        "b) Báo cáo kết quả về Ủy ban nhân dân tỉnh trước ngày 15/4/2025.\n"
        "2. Ủy ban nhân dân các xã, phường:\na) Tổ chức tuyên truyền sâu rộng đến từng hộ gia đình trên địa bàn.\n",
        [("Sở Y tế", "execute", "Chỉ đạo các bệnh viện chuẩn bị đủ thuốc, vật tư phòng dịch.", None, None, None),
         ("Sở Y tế", "execute", "Báo cáo kết quả về Ủy ban nhân dân tỉnh trước ngày 15/4/2025.", "2025-04-15", None, None),
         ("Ủy ban nhân dân các xã, phường", "execute",
          "Tổ chức tuyên truyền sâu rộng đến từng hộ gia đình trên địa bàn.", None, None, None)]),
    "numbered item whose subject is a unit": (
        "I. NHIỆM VỤ\n1- Ban Dân vận Huyện ủy chủ trì tổng hợp ý kiến của các chi bộ.\n"
        "2. Bộ Giao thông vận tải chỉ đạo bảo đảm an toàn giao thông trên các tuyến quốc lộ.\n",
        [("Ban Dân vận Huyện ủy", "lead", "Ban Dân vận Huyện ủy chủ trì tổng hợp ý kiến của các chi bộ.", None, None, None),
         ("Bộ Giao thông vận tải", "execute",
          "Bộ Giao thông vận tải chỉ đạo bảo đảm an toàn giao thông trên các tuyến quốc lộ.", None, None, None)]),
    # chủ trì / phối hợp in any sentence; lists split; partners of a lead are support
    "lead with partners, anywhere": (
        "II. KINH PHÍ\nSở Kế hoạch và Đầu tư chủ trì, phối hợp với Sở Xây dựng và Công an tỉnh thẩm định hồ sơ.\n",
        [("Sở Kế hoạch và Đầu tư", "lead",
          "Sở Kế hoạch và Đầu tư chủ trì, phối hợp với Sở Xây dựng và Công an tỉnh thẩm định hồ sơ.", None, None, None),
         ("Sở Xây dựng", "support",
          "Sở Kế hoạch và Đầu tư chủ trì, phối hợp với Sở Xây dựng và Công an tỉnh thẩm định hồ sơ.", None, None, None),
         ("Công an tỉnh", "support",
          "Sở Kế hoạch và Đầu tư chủ trì, phối hợp với Sở Xây dựng và Công an tỉnh thẩm định hồ sơ.", None, None, None)]),
    "partners left unnamed": (
        "II. KINH PHÍ\nSở Tài chính chủ trì, phối hợp với các cơ quan, đơn vị có liên quan bố trí kinh phí.\n",
        [("Sở Tài chính", "lead", "Sở Tài chính chủ trì, phối hợp với các cơ quan, đơn vị có liên quan bố trí kinh phí.",
          None, None, None)]),
    "a list of units with a comma clause": (
        "IV. TỔ CHỨC THỰC HIỆN\n1. Sở Công Thương, Sở Nội vụ và UBND các huyện có trách nhiệm triển khai Kế hoạch.\n"
        "2. Sở Lao động, trên cơ sở đề xuất của các huyện, chủ trì tổng hợp danh sách.\n",
        [("Sở Công Thương", "execute", "Sở Công Thương, Sở Nội vụ và UBND các huyện có trách nhiệm triển khai Kế hoạch.", None, None, None),
         ("Sở Nội vụ", "execute", "Sở Công Thương, Sở Nội vụ và UBND các huyện có trách nhiệm triển khai Kế hoạch.", None, None, None),
         ("UBND các huyện", "execute", "Sở Công Thương, Sở Nội vụ và UBND các huyện có trách nhiệm triển khai Kế hoạch.", None, None, None),
         ("Sở Lao động", "execute", "Sở Lao động, trên cơ sở đề xuất của các huyện, chủ trì tổng hợp danh sách.", None, None, None)]),
    # a name with commas inside is one unit; 'Các Bộ: A, B' is one list
    "one unit with commas; a plural head with its list": (
        "IV. TỔ CHỨC THỰC HIỆN\n1. Sở Văn hóa, Thể thao và Du lịch chủ trì tổ chức hội thi.\n"
        "2. Các Bộ: Tư pháp, Nội vụ chủ động hướng dẫn các địa phương.\n",
        [("Sở Văn hóa, Thể thao và Du lịch", "lead", "Sở Văn hóa, Thể thao và Du lịch chủ trì tổ chức hội thi.", None, None, None),
         ("Các Bộ: Tư pháp, Nội vụ", "execute", "Các Bộ: Tư pháp, Nội vụ chủ động hướng dẫn các địa phương.", None, None, None)]),
    # giao / đề nghị / yêu cầu: the unit handed the work, not the giver
    "hand-over verbs": (
        "III. TỔ CHỨC THỰC HIỆN\nGiao Sở Tài nguyên và Môi trường chủ trì theo dõi việc thực hiện.\n"
        "Đề nghị Hội Liên hiệp Phụ nữ tỉnh phối hợp tuyên truyền.\n"
        "Ban Thường vụ Huyện ủy yêu cầu các chi bộ nghiêm túc thực hiện.\n",
        [("Sở Tài nguyên và Môi trường", "lead", "Sở Tài nguyên và Môi trường chủ trì theo dõi việc thực hiện.", None, None, None),
         ("Hội Liên hiệp Phụ nữ tỉnh", "support", "Hội Liên hiệp Phụ nữ tỉnh phối hợp tuyên truyền.", None, None, None),
         ("các chi bộ", "execute", "các chi bộ nghiêm túc thực hiện.", None, None, None)]),
    # role labels under a task heading, a list that runs on to the next line
    "role labels": (
        "II. NHIỆM VỤ CỤ THỂ\n1. Rà soát văn bản quy phạm pháp luật\n- Cơ quan chủ trì: Sở Tư pháp.\n"
        "- Cơ quan phối hợp: Sở Nội vụ, Sở\nTài chính; Ủy ban nhân dân các huyện.\n- Thời gian thực hiện: Quý III/2025.\n",
        [("Sở Tư pháp", "lead", "Rà soát văn bản quy phạm pháp luật", None, None, None),
         ("Sở Nội vụ", "support", "Rà soát văn bản quy phạm pháp luật", None, None, None),
         ("Sở Tài chính", "support", "Rà soát văn bản quy phạm pháp luật", None, None, None),
         ("Ủy ban nhân dân các huyện", "support", "Rà soát văn bản quy phạm pháp luật", None, None, None)]),
    "a role label of clauses": (
        "II. NHIỆM VỤ\n1. Tập huấn nghiệp vụ\n- Cơ quan thực hiện: Sở Y tế chủ trì; Sở Giáo dục và Đào tạo phối hợp.\n",
        [("Sở Y tế", "lead", "Tập huấn nghiệp vụ", None, None, None),
         ("Sở Giáo dục và Đào tạo", "support", "Tập huấn nghiệp vụ", None, None, None)]),
    # task tables: docx rendering, Markdown pipe rows, cells one per line between pipes
    "task table, docx rows": (
        "II. NHIỆM VỤ\nTT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành\n"
        "1 | Xây dựng cơ sở dữ liệu đất đai | Sở Tài nguyên và Môi trường | Sở Tài chính; UBND các huyện | Trước 30/6/2025\n"
        "2 | Đào tạo kỹ năng số | Sở Thông tin và Truyền thông | các đơn vị liên quan | Trong Quý IV/2025\n",
        [("Sở Tài nguyên và Môi trường", "lead", "Xây dựng cơ sở dữ liệu đất đai", "2025-06-30", None, None),
         ("Sở Tài chính", "support", "Xây dựng cơ sở dữ liệu đất đai", "2025-06-30", None, None),
         ("UBND các huyện", "support", "Xây dựng cơ sở dữ liệu đất đai", "2025-06-30", None, None),
         ("Sở Thông tin và Truyền thông", "lead", "Đào tạo kỹ năng số", "2025-Q4", None, None)]),
    "task table, Markdown pipe rows": (
        "II. NHIỆM VỤ\n| Nội dung | Đơn vị thực hiện | Thời hạn |\n|---|---|---|\n"
        "| Kiểm tra an toàn thực phẩm | Chi cục Thú y | Trước 15/5/2025 |\n",
        [("Chi cục Thú y", "execute", "Kiểm tra an toàn thực phẩm", "2025-05-15", None, None)]),
    "task table, one cell a line": (
        "II. NHIỆM VỤ\n|\nNhiệm vụ\n|\nCơ quan chủ trì\n|\nCơ quan phối hợp\n|\n|\n"
        "Khảo sát mức độ hài lòng\n|\nSở Nội vụ\n|\nCác sở, ban, ngành\n|\n",
        [("Sở Nội vụ", "lead", "Khảo sát mức độ hài lòng", None, None, None),
         ("Các sở, ban, ngành", "support", "Khảo sát mức độ hài lòng", None, None, None)]),
    "hand-over label, list on the next line": (
        "IV. TỔ CHỨC THỰC HIỆN\n5. Đề nghị: Hội Cựu chiến binh tỉnh,\nHội Nông dân tỉnh phối hợp tuyên truyền.\n",
        [("Hội Cựu chiến binh tỉnh", "support", "Hội Cựu chiến binh tỉnh, Hội Nông dân tỉnh phối hợp tuyên truyền.", None, None, None),
         ("Hội Nông dân tỉnh", "support", "Hội Cựu chiến binh tỉnh, Hội Nông dân tỉnh phối hợp tuyên truyền.", None, None, None)]),
    "hand-over heading with an aside, lettered tasks": (
        "IV. TỔ CHỨC THỰC HIỆN\n2. Giao Sở Y tế (cơ quan thường trực của Ban Chỉ đạo):\n"
        "a) Theo dõi, đôn đốc các đơn vị thực hiện Kế hoạch.\n",
        [("Sở Y tế", "execute", "Theo dõi, đôn đốc các đơn vị thực hiện Kế hoạch.", None, None, None)]),
    "role label with more words": (
        "II. NHIỆM VỤ\n1. Hoàn thiện thể chế\n- Đơn vị chủ trì tham mưu thực hiện: Sở Tư pháp.\n",
        [("Sở Tư pháp", "lead", "Hoàn thiện thể chế", None, None, None)]),
    "a generic unit after a proper name": (
        "IV. TỔ CHỨC THỰC HIỆN\n3. Đài Phát thanh và Truyền hình tỉnh, cơ quan báo chí có trách nhiệm đưa tin.\n",
        [("Đài Phát thanh và Truyền hình tỉnh", "execute",
          "Đài Phát thanh và Truyền hình tỉnh, cơ quan báo chí có trách nhiệm đưa tin.", None, None, None),
         ("cơ quan báo chí", "execute",
          "Đài Phát thanh và Truyền hình tỉnh, cơ quan báo chí có trách nhiệm đưa tin.", None, None, None)]),
    # one unit spelled two ways is one assignee (the first spelling met)
    "abbreviated and spelled out": (
        "IV. TỔ CHỨC THỰC HIỆN\n1. UBND các huyện chủ trì rà soát.\n2. Ủy ban nhân dân các huyện có trách nhiệm báo cáo.\n",
        [("UBND các huyện", "lead", "UBND các huyện chủ trì rà soát.", None, None, None),
         ("UBND các huyện", "execute", "Ủy ban nhân dân các huyện có trách nhiệm báo cáo.", None, None, None)]),
    "a heading that runs on to the next line": (
        "IV. TỔ CHỨC THỰC HIỆN\n4. Đề nghị Ủy ban Mặt trận\nTổ quốc Việt Nam tỉnh\n- Vận động Nhân dân tham gia.\n",
        [("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "execute", "Vận động Nhân dân tham gia.", None, None, None)]),
    "a heading naming units by what they do": (
        "IV. TỔ CHỨC THỰC HIỆN\n3. Các trường tham gia hội thi\n- Cử đội tuyển dự thi đúng thời gian.\n",
        [("Các trường tham gia hội thi", "execute", "Cử đội tuyển dự thi đúng thời gian.", None, None, None)]),
    # a regulation's article titled by the unit whose duties it lists
    "article of duties": (
        "Điều 5: Nhiệm vụ của Ban Kiểm phiếu\n1. Hướng dẫn đại biểu cách bỏ phiếu.\n2. Kiểm phiếu và công bố kết quả.\n"
        "Điều 6: Thời gian\n1. Hội nghị diễn ra trong một ngày.\n",
        [("Ban Kiểm phiếu", "execute", "Hướng dẫn đại biểu cách bỏ phiếu.", None, None, None),
         ("Ban Kiểm phiếu", "execute", "Kiểm phiếu và công bố kết quả.", None, None, None)]),
    "article that assigns in its own line": (
        "Điều 3. Văn phòng Hội đồng, Phòng Tài chính và các đơn vị có liên quan chịu trách nhiệm thi hành Quyết định này.\n",
        [("Văn phòng Hội đồng", "execute", "Văn phòng Hội đồng, Phòng Tài chính và các đơn vị có liên quan chịu trách nhiệm"
          " thi hành Quyết định này.", None, None, None),
         ("Phòng Tài chính", "execute", "Văn phòng Hội đồng, Phòng Tài chính và các đơn vị có liên quan chịu trách nhiệm"
          " thi hành Quyết định này.", None, None, None),
         ("các đơn vị có liên quan", "execute", "Văn phòng Hội đồng, Phòng Tài chính và các đơn vị có liên quan chịu trách"
          " nhiệm thi hành Quyết định này.", None, None, None)]),
    "heading of a unit's duties": (
        "IV. TỔ CHỨC THỰC HIỆN\n1. Trách nhiệm của Sở Xây dựng\n- Hướng dẫn thủ tục cấp phép.\n",
        [("Sở Xây dựng", "execute", "Hướng dẫn thủ tục cấp phép.", None, None, None)]),
    # named people with position and duty
    "named people": (
        "III. PHÂN CÔNG NHIỆM VỤ\n- Ông Lê Văn Bình – Trưởng đoàn: phụ trách chung.\n"
        "- Bà Trần Thị Mai - Thư ký: tổng hợp báo cáo.\n",
        [("Lê Văn Bình", "member", "phụ trách chung.", None, "Lê Văn Bình", "Trưởng đoàn"),
         ("Trần Thị Mai", "member", "tổng hợp báo cáo.", None, "Trần Thị Mai", "Thư ký")]),
    "a post as the label": (
        "III. PHÂN CÔNG NHIỆM VỤ\n- Đồng chí Phó Chủ tịch Ủy ban nhân dân xã - Phó Trưởng ban: phụ trách công tác hậu cần.\n",
        [("Đồng chí Phó Chủ tịch Ủy ban nhân dân xã - Phó Trưởng ban", "execute",
          "phụ trách công tác hậu cần.", None, None, None)]),
}

NEGATIVES = {
    # a topic that opens with a unit's first word is no unit
    "report, not a newspaper": "II. TỔ CHỨC THỰC HIỆN\n- Báo cáo kết quả thực hiện theo định kỳ.\n",
    "a set of criteria, not a ministry": "I. NỘI DUNG\n1. Bộ tiêu chí chủ trì đánh giá đã được ban hành.\n",
    # the recipients of a telegram receive it; they are not assigned work
    "address block": "THỦ TƯỚNG CHÍNH PHỦ điện:\n- Bộ Quốc phòng;\n- Ủy ban nhân dân các tỉnh, thành phố.\n\nMưa lớn kéo dài nhiều ngày.\n",
    # a view stated, not a duty
    "a view, not a duty": "I. KẾT LUẬN\nBộ Chính trị cơ bản nhất trí với đề xuất của Ban cán sự.\n",
    # a unit that works with another outside the parts that assign work states a fact
    "cooperation described": "I. KẾT QUẢ\n- Huyện đoàn phối hợp với Hội Nông dân tổ chức 3 lớp tập huấn.\n",
    # units referred back to ('được giao') are no new assignees
    "back-reference": "IV. TỔ CHỨC THỰC HIỆN\n1. Các cơ quan được giao chủ trì có trách nhiệm báo cáo tiến độ.\n",
    # a table without a unit column is no task table
    "data table": "II. KINH PHÍ\nTT | Nội dung | Số tiền\n1 | Sở Tài chính | 20.000.000\n",
    # a bare verb as a label is a duty, not a role label
    "a duty with a colon": "I. NỘI DUNG\n- Phối hợp tổ chức các sân chơi: văn nghệ, thể thao cho công nhân.\n",
    # a heading that asks for something names no unit of its own
    "a request heading": "IV. TỔ CHỨC THỰC HIỆN\nVăn phòng Ủy ban trân trọng đề nghị:\n- Đúng giờ, đúng thành phần.\n",
    # a long cell that mentions 'chủ trì' is text, not a header
    "text in a table cell": ("II. NỘI DUNG\nTT | Nội dung | Ghi chú\n1 | Nội dung do Sở Y tế chủ trì thực hiện trong năm"
                             " theo kế hoạch | Sở Tài chính | x\n"),
    # first words of units that start other phrases
    "aid and taxes": ("IV. TỔ CHỨC THỰC HIỆN\n1. Viện trợ đột xuất có trách nhiệm giải ngân nhanh.\n"
                      "2. Thuế giá trị gia tăng được hoàn theo quy định.\n"),
    # a label that is a sentence names no unit
    "a sentence as a label": ("I. NỘI DUNG\nTrường Chính trị tỉnh tổ chức bồi dưỡng các chương trình sau:\n"
                              "- Lý luận chính trị.\n"),
    "a statement as a label": ("I. TÌNH HÌNH\nPhường Tân An được chia thành 10 khu phố:\n- Khu phố 1.\n"
                               "Cấp lại Giấy chứng nhận:\n- Hồ sơ gồm đơn đề nghị.\n"),
    # a person's title alone is nobody
    "blank name": "IV. TỔ CHỨC THỰC HIỆN\nĐồng chí: …………\n",
}


@pytest.mark.parametrize("name", SHAPES)
def test_shape(name):
    text, expected = SHAPES[name]
    assert rows(text) == expected


@pytest.mark.parametrize("name", NEGATIVES)
def test_negative(name):
    assert rows(NEGATIVES[name]) == []


@pytest.mark.parametrize("text,expected", [
    ("Sở Tài chính, Sở Nội vụ và UBND các xã", ["Sở Tài chính", "Sở Nội vụ", "UBND các xã"]),
    ("Bộ Tài chính, Bộ Công Thương, Bộ Nông nghiệp và Môi trường",
     ["Bộ Tài chính", "Bộ Công Thương", "Bộ Nông nghiệp và Môi trường"]),
    ("Các sở, ban, ngành và UBND các xã, phường", ["Các sở, ban, ngành", "UBND các xã, phường"]),
    ("Sở Văn hóa, Thể thao và Du lịch", ["Sở Văn hóa, Thể thao và Du lịch"]),
    ("Báo và Phát thanh, Truyền hình tỉnh", ["Báo và Phát thanh, Truyền hình tỉnh"]),
    ("Các huyện, thị, thành Đoàn và Đoàn trực thuộc", ["Các huyện, thị, thành Đoàn và Đoàn trực thuộc"]),
    ("Các Bộ: Quốc phòng, Công an", ["Các Bộ: Quốc phòng, Công an"]),
    ("Các cơ quan, đơn vị, địa phương", ["Các cơ quan, đơn vị, địa phương"]),
    ("Văn phòng Tỉnh ủy, các đơn vị liên quan", ["Văn phòng Tỉnh ủy", "các đơn vị liên quan"]),
])
def test_split_units(text, expected):
    assert assignments.split_units(text) == expected


@pytest.mark.parametrize("line,cells", [
    ("Nội dung | Cơ quan chủ trì | Thời gian", ["Nội dung", "Cơ quan chủ trì", "Thời gian"]),
    ("| Nội dung | Cơ quan chủ trì | Thời gian |", ["Nội dung", "Cơ quan chủ trì", "Thời gian"]),
    ("|---|:---:|---|", None),
    ("Chỉ tiêu 1|2 năm", None),
    ("Không có ô nào", None),
])
def test_table_cells(line, cells):
    assert structure.table_cells(line) == cells


# The hand-kept prefilters, now derived from their patterns, say yes whenever the pattern matches.
PREFILTER_EXAMPLES = [e.example for e in PERSON_TITLES.values()] + [
    "Đ/c Phạm Văn Linh", "Ông Hoàng Văn An – Trưởng đoàn: phụ trách chung", "Bà Lê Thị Hoa",
    "Ban Tổ chức", "Ông bà", "Cơ quan chủ trì: Sở Y tế", "x" * 90 + ": y", "a: b", "Trưởng ban: Đồng chí An",
]


@pytest.mark.parametrize("text", PREFILTER_EXAMPLES)
def test_person_prefilter_is_exact(text):
    assert bool(assignments._PERSON.match(text)) <= text.startswith(assignments._PERSON_FIRST)


@pytest.mark.parametrize("text", PREFILTER_EXAMPLES)
def test_label_reach_is_exact(text):
    assert (LABEL.match(text) is not None) <= (":" in text[:structure.LABEL_REACH])


OPENER_EXAMPLES = PREFILTER_EXAMPLES + [
    "Sở Tài chính chủ trì", "các sở, ngành", "UBND các xã", "Giao Văn phòng theo dõi", "Đề nghị Hội Nông dân",
    "Mỗi cơ sở Đoàn", "Báo cáo kết quả", "Tổ chức hội thi", "Thực hiện nghiêm túc", "Công an tỉnh", "Kính gửi: Bộ Y tế",
]


@pytest.mark.parametrize("text", OPENER_EXAMPLES)
def test_opener_prefilter_is_exact(text):
    matched = any(p.match(text) for p in (structure.UNIT_START, assignments._GIVE, assignments._PERSON))
    assert matched <= assignments._may_open(text)


@pytest.mark.parametrize("text", OPENER_EXAMPLES)
def test_address_reach_is_exact(text):
    assert (assignments._ADDRESS.match(text) is not None) <= (":" in text[:assignments._ADDRESS_REACH])


@pytest.mark.parametrize("text", ["Điều 5: Nhiệm vụ của Ban Kiểm phiếu", "            Điều 123. Hiệu lực", "Điều khoản"])
def test_article_reach_is_exact(text):
    assert (assignments._ARTICLE.match(text) is not None) <= ("Điều" in text[:assignments._ARTICLE_REACH])


# Every vocabulary entry's example goes through the code that reads it.
@pytest.mark.parametrize("entry", list(vocab.UNIT_NAMES.values()), ids=lambda e: e.key)
def test_unit_name_examples_start_units(entry):
    assert structure.UNIT_START.match(entry.example)


@pytest.mark.parametrize("entry", list(vocab.NOT_UNIT_STARTS.values()), ids=lambda e: e.key)
def test_not_unit_examples_start_none(entry):
    assert not structure.UNIT_START.match(entry.example)


@pytest.mark.parametrize("entry", list(vocab.ROLE_LABELS.values()), ids=lambda e: e.key)
def test_role_label_examples(entry):
    assert assignments._label_role(entry.example.split(":")[0]) == entry.value


@pytest.mark.parametrize("entry", list(vocab.GIVE_VERBS.values()), ids=lambda e: e.key)
def test_give_verb_examples(entry):
    assert assignments._GIVE.search(entry.example)


@pytest.mark.parametrize("entry", list(PERSON_TITLES.values()), ids=lambda e: e.key)
def test_person_title_examples(entry):
    assert assignments._PERSON.match(entry.example)


@pytest.mark.parametrize("entry", list(vocab.UNIT_ABBREVIATIONS.values()), ids=lambda e: e.key)
def test_abbreviation_examples(entry):
    spelled = regex.sub(regex.escape(entry.key), entry.value, entry.example, flags=regex.IGNORECASE)
    assert assignments._same_unit_key(entry.example) == assignments._same_unit_key(spelled)


@pytest.mark.parametrize("entry", list(vocab.TABLE_COLUMNS.values()), ids=lambda e: e.key)
def test_table_column_examples(entry):
    kinds = assignments._columns([entry.example, "Nội dung", "Cơ quan chủ trì"])
    assert kinds is not None and kinds[0] == entry.value


@pytest.mark.parametrize("entry", list(vocab.DUTY_OF.values()), ids=lambda e: e.key)
def test_duty_of_examples(entry):
    assert assignments._label_unit(entry.example) == entry.example[len(entry.key) + 1:]


@pytest.mark.parametrize("entry", list(vocab.CLAUSE_OPENERS.values()), ids=lambda e: e.key)
def test_clause_opener_examples(entry):
    assert assignments.subject(entry.example) == entry.example.split(",")[0]


@pytest.mark.parametrize("entry", list(vocab.NOT_IN_NAMES.values()), ids=lambda e: e.key)
def test_not_in_names_examples(entry):
    assert assignments.subject(entry.example) is None


@pytest.mark.parametrize("entry", list(vocab.PLURAL_UNIT_NOUNS.values()), ids=lambda e: e.key)
def test_plural_unit_noun_examples(entry):
    assert structure.UNIT_START.match(entry.example)
    assert not structure.UNIT_START.match(entry.key)          # without 'các' no unit


@pytest.mark.parametrize("verb", sorted(vocab.MORE_DUTY_VERBS))
def test_duty_verbs_end_a_subject(verb):
    assert assignments.unit_phrase(f"Sở Y tế {verb} các nội dung trên") == ("Sở Y tế", f"{verb} các nội dung trên")
    # a capitalised word is part of a name, not a verb
    assert assignments.subject(f"Sở Y tế {verb.title()} Việt Nam chủ trì") == f"Sở Y tế {verb.title()} Việt Nam"


# strip_marker answers a line that opens with a letter or a bullet without MARKER: the same as MARKER.
@pytest.mark.parametrize("line,expected", [
    ("Tổ chức hội nghị", (0, "Tổ chức hội nghị")),          # a paragraph: no marker
    ("a) Sở Tư pháp", (3, "Sở Tư pháp")),                   # a letter marker
    ("đ. Ban Tổ chức", (3, "Ban Tổ chức")),
    ("ư) không phải mục", (0, "ư) không phải mục")),        # not one of MARKER's letters
    ("an toàn", (0, "an toàn")),
    ("I. MỤC ĐÍCH", (3, "MỤC ĐÍCH")),                        # a roman numeral
    ("Việt Nam", (0, "Việt Nam")),                          # 'V' opens no numeral here
    ("- Tuyên truyền", (2, "Tuyên truyền")),                # a bullet and its space
    ("+Cấp Quận", (1, "Cấp Quận")),
    ("•   Đoàn viên", (4, "Đoàn viên")),
    ("-" + " " * 9 + "x", (7, "   x")),                      # at most 6 spaces after a bullet
    ("-", (1, "")),
    ("2.1. Nhiệm vụ", (5, "Nhiệm vụ")),
    ("   Lùi vào", (3, "Lùi vào")),
    ("", (0, "")),
])
def test_strip_marker_fast_paths(line, expected):
    assert structure.strip_marker(line) == expected
    m = structure.MARKER.match(line)                          # the fast paths agree with MARKER
    n = m.end() if m else len(line) - len(line.lstrip())
    assert expected == (n, line[n:])


# label_span reads LABEL with str methods: the same label and the same end as the pattern.
@pytest.mark.parametrize("text,span", [
    ("Cấp Quận: thành lập", (8, 10)),
    ("Cấp Quận  :    x", (8, 15)),              # up to 2 spaces before the colon, 4 after
    ("Cấp Quận   : x", (9, 13)),                 # a third space stays in the label (label_at strips it)
    ("ab:", (2, 3)),
    ("a: b", None),                              # a label has 2 characters at least
    ("Lúc 7:30 sáng", None),                     # a time, not a label
    ("Nội dung (chính): x", None),               # a bracket before the colon
    ("Hoàn thành. Sau đó: x", None),             # a sentence end before it
    ("x" * 80 + ": y", (80, 82)),
    ("x" * 81 + ": y", None),                    # longer than 80
    ("x" * 80 + "  : y", (80, 84)),
    ("Không có nhãn", None),
])
def test_label_span(text, span):
    assert structure.label_span(text) == span
    m = LABEL.match(text)
    assert span == ((m.end("label"), m.end()) if m else None)


def test_label_span_agrees_with_label_on_all_short_texts():
    pieces = ["ab", " ", ":", "7", ";", ".", "(", "\n", "x" * 40]
    for parts in itertools.product(pieces, repeat=4):
        text = "".join(parts)
        m = LABEL.match(text)
        assert structure.label_span(text) == ((m.end("label"), m.end()) if m else None), text


# _is_address tries _ADDRESS only after 'gửi' or 'điện' before the first colon: the same answers.
@pytest.mark.parametrize("line,expected", [
    ("Kính gửi: Các sở, ban, ngành", True),
    ("   KÍNH GỬI :", True),
    ("THỦ TƯỚNG CHÍNH PHỦ điện:", True),
    ("Thời gian thực hiện: Quý III/2024", False),           # a label
    ("Nơi gửi báo cáo: Văn phòng", False),                  # 'gửi' but no address
    ("Ban Tổ chức điện thoại: 0123", False),                # 'điện' inside a word
    ("Kính gửi Các sở", False),                             # no colon
])
def test_is_address(line, expected):
    assert assignments._is_address(line) is expected
    assert expected == (":" in line[:assignments._ADDRESS_REACH] and assignments._ADDRESS.match(line) is not None)


def test_is_address_agrees_with_the_pattern_on_short_texts():
    pieces = ["Kính gửi", "KÍNH GỬI", ":", " ", "THỦ TƯỚNG", " điện", " ĐIỆN", "x" * 30, "\n", "a"]
    for parts in itertools.product(pieces, repeat=4):
        line = "".join(parts)
        assert assignments._is_address(line) == (
            ":" in line[:assignments._ADDRESS_REACH] and assignments._ADDRESS.match(line) is not None), line
