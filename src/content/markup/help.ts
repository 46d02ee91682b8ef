// Help on the markup (./grammar) for editors, in Vietnamese. Its own file so
// that rewording it never touches the parser.

/** Short help for editors, shown next to the textarea. */
export const MARKUP_HELP = [
  "Cách soạn nội dung bài:",
  "• Các đoạn văn cách nhau bằng một dòng trống.",
  "• Tiêu đề phụ: bắt đầu dòng bằng ## , ví dụ: ## Diễn biến vụ việc",
  "• Ảnh từ thư viện: [[anh:123]] hoặc [[anh:123 | Chú thích | Tác giả]] (123 là số ảnh).",
  "• Trích dẫn: mỗi dòng bắt đầu bằng > ; dòng cuối dạng > — Họ tên là người nói.",
  "• Chữ đậm: **chữ đậm**; nghiêng: *chữ nghiêng*; liên kết: [chữ](https://...) hoặc [chữ](/duong-dan). Giữ nguyên dấu * [ ] thì gõ \\* \\[ \\].",
  "• Danh sách: mỗi dòng một mục, bắt đầu bằng - (gạch đầu dòng) hoặc 1. 2. 3. (đánh số).",
  "• Khung thông tin: mở bằng [khung] hoặc [khung: Tiêu đề], đóng bằng [/khung]; mỗi đoạn trong khung là một dòng thông tin.",
  "• Bảng: mỗi hàng một dòng, các ô ngăn bằng dấu |, ví dụ | Loại | Giá |; dòng thứ hai là | --- | --- | (hàng đầu là hàng tiêu đề). Tối đa 12 cột, 100 hàng; ô trống để | |; chữ | trong ô gõ \\|. Chú thích bảng: dòng [bang: Chú thích] ngay trên bảng.",
  "• Xem thêm (hộp dẫn tới một bài khác của báo): [[xem-them:123]] (123 là số bài viết).",
  "• Video: [[video:youtube:MÃ | Tiêu đề]] hoặc [[video:facebook:MÃ | Tiêu đề | anh:45]]; MÃ YouTube là 11 ký tự sau v= trong địa chỉ, MÃ Facebook là dãy số của video; anh:45 là ảnh hiện trước khi bạn đọc bấm xem.",
  "• Muốn một dòng giữ nguyên chữ, không hiểu là cú pháp, thêm dấu \\ ở đầu dòng.",
].join("\n");
