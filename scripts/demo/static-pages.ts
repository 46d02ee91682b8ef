// The pages every Vietnamese paper carries, written for the demo paper.
import type { StaticPageInput } from "../../src/db/static-pages";

const p = (text: string) => ({ type: "paragraph" as const, text });
const h = (text: string) => ({ type: "subheading" as const, text });

export const DEMO_STATIC_PAGES: StaticPageInput[] = [
  {
    slug: "gioi-thieu",
    title: "Giới thiệu",
    status: "published",
    body: [
      p(
        "Báo Đồng Bằng là tờ báo điện tử đưa tin về đời sống, kinh tế, văn hóa và thể thao của Bạc Liêu và các tỉnh miền Tây Nam Bộ.",
      ),
      p(
        "Trang báo được làm để đọc nhanh trên điện thoại, kể cả khi sóng yếu: một bài báo tải về chưa tới 50 KB, có bản nhẹ chỉ gồm chữ và có thể lưu lại để đọc khi không có mạng.",
      ),
      h("Tòa soạn"),
      p("Đội ngũ phóng viên, biên tập viên thường trú tại Bạc Liêu, Cà Mau, Sóc Trăng và Cần Thơ."),
    ],
  },
  {
    slug: "lien-he",
    title: "Liên hệ",
    status: "published",
    body: [
      p(
        "Bạn đọc gửi tin, bài, ảnh và phản ánh về tòa soạn qua thư điện tử toasoan@dongbang.example hoặc gọi đường dây nóng 0291 3 800 000.",
      ),
      p("Địa chỉ: 12 Trần Phú, Phường 3, TP. Bạc Liêu. Tòa soạn tiếp bạn đọc trong giờ hành chính các ngày làm việc."),
    ],
  },
  {
    slug: "quang-cao",
    title: "Quảng cáo",
    status: "published",
    body: [
      p(
        "Báo Đồng Bằng nhận đăng quảng cáo và thông tin doanh nghiệp theo quy định của pháp luật về báo chí và quảng cáo.",
      ),
      p("Bảng giá và thông tin đặt chỗ: liên hệ phòng Quảng cáo qua thư điện tử quangcao@dongbang.example."),
    ],
  },
  {
    slug: "chinh-sach-bao-mat",
    title: "Chính sách bảo mật",
    status: "published",
    body: [
      p("Trang báo không dùng cookie theo dõi và không có quảng cáo theo dõi người đọc."),
      h("Bình luận và bình chọn"),
      p(
        "Khi bạn bình luận, chúng tôi lưu tên hiển thị và nội dung bình luận. Địa chỉ IP chỉ được lưu dưới dạng mã băm để chống gửi rác, không thể đảo ngược thành địa chỉ gốc.",
      ),
      h("Đọc ngoại tuyến"),
      p("Các bài bạn lưu để đọc khi không có mạng được giữ trong trình duyệt của bạn, không gửi về tòa soạn."),
    ],
  },
];
