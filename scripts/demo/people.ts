// The demo paper's sections and reporters (fictional people).
export const DEMO_SECTIONS = [
  {
    slug: "nhip-song-do-thi",
    name: "Nhịp sống đô thị",
    description: "Đời sống, hạ tầng và dịch vụ công ở thành phố Bạc Liêu.",
  },
  { slug: "kinh-te", name: "Kinh tế", description: "Nông nghiệp, thủy sản, năng lượng và doanh nghiệp địa phương." },
  {
    slug: "van-hoa-du-lich",
    name: "Văn hóa - Du lịch",
    description: "Di sản, lễ hội và những điểm đến của miền biển Bạc Liêu.",
  },
  {
    slug: "giao-duc-the-thao",
    name: "Giáo dục - Thể thao",
    description: "Trường học, học sinh và phong trào thể thao trong tỉnh.",
  },
] as const;

export const DEMO_AUTHORS = [
  {
    slug: "minh-thu",
    name: "Nguyễn Minh Thư",
    byline: "Minh Thư",
    bio: "Phóng viên mảng đô thị và xã hội, theo dõi các phường nội ô TP. Bạc Liêu.",
  },
  {
    slug: "hoang-phuc",
    name: "Lê Hoàng Phúc",
    byline: "Hoàng Phúc",
    bio: "Phóng viên kinh tế, viết về nông nghiệp, thủy sản và năng lượng tái tạo vùng ven biển.",
  },
  {
    slug: "ngoc-han",
    name: "Trần Ngọc Hân",
    byline: "Ngọc Hân",
    bio: "Phóng viên văn hóa - du lịch, yêu đờn ca tài tử và những lễ hội của đồng bào Khmer.",
  },
  {
    slug: "trong-nghia",
    name: "Phạm Trọng Nghĩa",
    byline: "Trọng Nghĩa",
    bio: "Phóng viên giáo dục và thể thao, theo dõi trường học vùng sâu và phong trào thể thao quần chúng.",
  },
] as const;
