<?php
// Seeds the harness's WordPress with content written for this project, in
// Vietnamese: four authors, four categories, tags, published posts with
// every caption form WordPress writes ([caption] shortcode, block image with
// figcaption, plain HTML5 figure), a [gallery] and a block gallery, photos
// uploaded as real attachments (one with an EXIF orientation, one uploaded
// twice), a draft, a scheduled post, a YouTube iframe, an inline script and
// style that must not survive an import, Windows line ends, a duplicate
// title, comments. Writes a manifest (JSON) the end-to-end test compares with.
require __DIR__ . '/bootstrap.php';
require_once ABSPATH . 'wp-admin/includes/file.php';
require_once ABSPATH . 'wp-admin/includes/media.php';
require_once ABSPATH . 'wp-admin/includes/image.php';

$admin = get_user_by('login', 'admin');
wp_set_current_user($admin->ID);
// Content is stored as an administrator writes it (unfiltered HTML), so the
// script and the iframe reach the database and the export.
kses_remove_filters();

// --- Photos: drawn with GD, so every file is new and its bytes are ours.
function make_jpeg(int $seed, int $w = 1200, int $h = 800, int $orientation = 1): string {
    mt_srand($seed);
    $im = imagecreatetruecolor($w, $h);
    $sky = [mt_rand(90, 160), mt_rand(150, 210), mt_rand(200, 255)];
    for ($y = 0; $y < $h; $y++) {
        $t = $y / $h;
        $c = imagecolorallocate($im, (int) ($sky[0] + (255 - $sky[0]) * $t * 0.6), (int) ($sky[1] + (240 - $sky[1]) * $t * 0.5), $sky[2]);
        imageline($im, 0, $y, $w, $y, $c);
    }
    imagefilledellipse($im, mt_rand(100, $w - 100), mt_rand(60, (int) ($h / 3)), 120, 120, imagecolorallocate($im, 255, mt_rand(180, 230), 80));
    for ($i = 0; $i < 3; $i++) {
        $base = (int) ($h * (0.55 + 0.12 * $i));
        $pts = [0, $h];
        for ($x = 0; $x <= $w; $x += 100) {
            $pts[] = $x;
            $pts[] = $base - mt_rand(0, 120);
        }
        $pts[] = $w;
        $pts[] = $h;
        imagefilledpolygon($im, $pts, imagecolorallocate($im, mt_rand(20, 90), mt_rand(90, 160) - 20 * $i, mt_rand(30, 90)));
    }
    for ($i = 0; $i < 12; $i++) {
        $x = mt_rand(0, $w);
        $y = mt_rand((int) ($h * 0.6), $h);
        imagefilledrectangle($im, $x, $y, $x + mt_rand(20, 80), $y + mt_rand(20, 60), imagecolorallocate($im, mt_rand(150, 255), mt_rand(60, 200), mt_rand(40, 120)));
    }
    $file = sys_get_temp_dir() . "/wp-seed-$seed-" . uniqid() . '.jpg';
    imagejpeg($im, $file, 82);
    imagedestroy($im);
    if ($orientation !== 1) {
        // An APP1 Exif segment with only Orientation (0x0112), as a phone writes it.
        $tiff = "MM\x00\x2A" . pack('N', 8) . pack('n', 1) . pack('nnN', 0x0112, 3, 1) . pack('nn', $orientation, 0) . pack('N', 0);
        $app1 = "\xFF\xE1" . pack('n', 2 + 6 + strlen($tiff)) . "Exif\x00\x00" . $tiff;
        $jpeg = file_get_contents($file);
        file_put_contents($file, substr($jpeg, 0, 2) . $app1 . substr($jpeg, 2));
    }
    return $file;
}

$manifest = ['authors' => [], 'categories' => [], 'tags' => [], 'posts' => [], 'attachments' => [], 'comments' => []];

function upload(int $seed, int $post_id, string $name, string $caption, string $alt, int $orientation = 1): int {
    global $manifest;
    $file = make_jpeg($seed, 1200, 800, $orientation);
    // WordPress 5.3+ rotates such a photo on upload; archives uploaded before
    // that keep the Exif Orientation in the served file, which is what the
    // importer must handle, so this one is kept as it came.
    $keep = fn() => false;
    if ($orientation !== 1) add_filter('wp_image_maybe_exif_rotate', $keep);
    $id = media_handle_sideload(['name' => "$name.jpg", 'tmp_name' => $file], $post_id, null, [
        'post_excerpt' => $caption,
        'post_title' => $alt,
    ]);
    if (is_wp_error($id)) {
        fwrite(STDERR, "upload $name: " . $id->get_error_message() . "\n");
        exit(1);
    }
    remove_filter('wp_image_maybe_exif_rotate', $keep);
    update_post_meta($id, '_wp_attachment_image_alt', $alt);
    $manifest['attachments'][] = [
        'id' => $id,
        'parent' => $post_id,
        'url' => wp_get_attachment_url($id),
        'caption' => $caption,
        'alt' => $alt,
        'sha256' => hash_file('sha256', get_attached_file($id)),
        'orientation' => $orientation,
    ];
    return $id;
}

function large(int $id): array {
    $src = wp_get_attachment_image_src($id, 'large');
    return [$src[0], $src[1], $src[2]];
}

// [caption] shortcode: the classic editor's form.
function caption_shortcode(int $id, string $caption): string {
    [$url, $w, $h] = large($id);
    $alt = esc_attr(get_post_meta($id, '_wp_attachment_image_alt', true));
    return "[caption id=\"attachment_$id\" align=\"aligncenter\" width=\"$w\"]<img class=\"size-large wp-image-$id\" src=\"$url\" alt=\"$alt\" width=\"$w\" height=\"$h\" /> $caption" . '[/caption]';
}

// Block editor image with its figcaption.
function image_block(int $id, string $caption): string {
    [$url] = large($id);
    $alt = esc_attr(get_post_meta($id, '_wp_attachment_image_alt', true));
    return "<!-- wp:image {\"id\":$id,\"sizeSlug\":\"large\",\"linkDestination\":\"none\"} -->\n"
        . "<figure class=\"wp-block-image size-large\"><img src=\"$url\" alt=\"$alt\" class=\"wp-image-$id\"/><figcaption class=\"wp-element-caption\">$caption</figcaption></figure>\n"
        . "<!-- /wp:image -->";
}

// A plain HTML5 figure, as pasted or written by a plugin.
function html_figure(int $id, string $caption): string {
    [$url, $w, $h] = large($id);
    $alt = esc_attr(get_post_meta($id, '_wp_attachment_image_alt', true));
    return "<figure class=\"wp-caption aligncenter\"><img class=\"wp-image-$id\" src=\"$url\" alt=\"$alt\" width=\"$w\" height=\"$h\"><figcaption>$caption</figcaption></figure>";
}

function p(string ...$paragraphs): string {
    return implode("\n\n", $paragraphs);
}

// --- People, sections, tags.
$people = [
    'lan' => ['Nguyễn Thị Lan', 'editor', 'Biên tập viên mảng thời sự, mười hai năm theo dõi tin tức miền Trung.'],
    'minh' => ['Trần Văn Minh', 'author', 'Phóng viên giao thông và đô thị.'],
    'phuc' => ['Lê Hoàng Phúc', 'author', 'Phóng viên ảnh, chuyên đề văn hóa và du lịch.'],
    'an' => ['Phạm Thu An', 'author', 'Phóng viên thể thao.'],
];
$users = [];
foreach ($people as $login => [$name, $role, $bio]) {
    $id = wp_insert_user([
        'user_login' => $login,
        'user_pass' => wp_generate_password(24),
        'user_email' => "$login@songhan.example",
        'display_name' => $name,
        'nickname' => $name,
        'first_name' => explode(' ', $name, 2)[1],
        'last_name' => explode(' ', $name)[0],
        'description' => $bio,
        'role' => $role,
    ]);
    $users[$login] = $id;
    $manifest['authors'][] = ['id' => $id, 'login' => $login, 'display_name' => $name];
}

$cats = [];
foreach (['thoi-su' => 'Thời sự', 'kinh-te' => 'Kinh tế', 'van-hoa' => 'Văn hóa', 'the-thao' => 'Thể thao'] as $slug => $name) {
    $t = wp_insert_term($name, 'category', ['slug' => $slug]);
    $cats[$slug] = $t['term_id'];
    $manifest['categories'][] = ['id' => $t['term_id'], 'slug' => $slug, 'name' => $name];
}
wp_delete_term((int) get_option('default_category'), 'category');
update_option('default_category', $cats['thoi-su']);

// --- Posts. Dates are the site's local time (Europe/Paris, install.php: not
// Vietnam's, so the importer's conversion to Vietnam time is tested).
$posts = [
    [
        'key' => 'xe-buyt', 'author' => 'minh', 'cats' => ['thoi-su'], 'tags' => ['Đà Nẵng', 'giao thông'], 'date' => '2024-03-12 08:15:00',
        'title' => 'Đà Nẵng mở thêm ba tuyến xe buýt nối sân bay với trung tâm',
        'excerpt' => 'Từ đầu tháng tới, hành khách xuống sân bay có thể đi xe buýt vào trung tâm với giá vé 8.000 đồng.',
        'photos' => [['san-bay-xe-buyt', 'Xe buýt chờ khách trước nhà ga quốc nội. (Ảnh: Lê Hoàng Phúc)', 'Xe buýt màu xanh đỗ trước nhà ga sân bay']],
        'body' => fn($ph) => p(
            'Sở Giao thông vận tải thành phố cho biết ba tuyến xe buýt mới sẽ chạy từ 5 giờ 30 đến 22 giờ mỗi ngày, mười lăm phút một chuyến.',
            caption_shortcode($ph[0], 'Xe buýt chờ khách trước nhà ga quốc nội. (Ảnh: Lê Hoàng Phúc)'),
            'Tuyến thứ nhất đi qua cầu Rồng, tuyến thứ hai theo đường Nguyễn Văn Linh ra biển, tuyến thứ ba nối sân bay với bến xe trung tâm.',
            'Giá vé một lượt là <strong>8.000 đồng</strong>; học sinh, sinh viên và người trên 60 tuổi được giảm một nửa.'
        ),
    ],
    [
        'key' => 'mua-lua', 'author' => 'lan', 'cats' => ['kinh-te'], 'tags' => ['mùa mưa', 'nông nghiệp'], 'date' => '2023-10-18 06:40:00',
        'title' => 'Mưa lớn kéo dài, nông dân Quảng Nam gấp rút thu hoạch lúa',
        'excerpt' => 'Hàng nghìn héc-ta lúa chín được gặt sớm trước đợt mưa lớn.',
        'photos' => [['gat-lua', 'Nông dân xã Điện Phước gặt lúa chạy mưa sáng 17/10.', 'Người nông dân gặt lúa trên cánh đồng']],
        'body' => fn($ph) => "<!-- wp:paragraph -->\n<p>Theo dự báo, mưa lớn sẽ kéo dài đến cuối tuần. Nông dân các huyện ven biển tranh thủ từng giờ nắng để gặt lúa.</p>\n<!-- /wp:paragraph -->\n\n"
            . image_block($ph[0], 'Nông dân xã Điện Phước gặt lúa chạy mưa sáng 17/10.')
            . "\n\n<!-- wp:paragraph -->\n<p>Ông Huỳnh Văn Tám nói: <em>“Lúa chín đến đâu, gặt đến đó, không chờ được nữa.”</em></p>\n<!-- /wp:paragraph -->",
    ],
    [
        'key' => 'den-long', 'author' => 'phuc', 'cats' => ['van-hoa'], 'tags' => ['Hội An', 'du lịch'], 'date' => '2022-02-15 19:30:00',
        'title' => 'Phố cổ Hội An đón mùa lễ hội đèn lồng',
        'excerpt' => 'Đêm rằm, phố cổ tắt đèn điện, chỉ còn ánh đèn lồng và hoa đăng trên sông Hoài.',
        'photos' => [
            ['den-long-1', 'Đèn lồng treo dọc phố Nguyễn Thái Học.', 'Dãy đèn lồng nhiều màu'],
            ['den-long-2', 'Du khách thả hoa đăng trên sông Hoài.', 'Hoa đăng trên mặt sông'],
            ['den-long-3', 'Một cửa hàng làm đèn lồng thủ công.', 'Người thợ làm đèn lồng'],
            ['den-long-4', 'Chùa Cầu lúc lên đèn.', 'Chùa Cầu về đêm'],
        ],
        'body' => fn($ph) => p(
            'Vào đêm rằm hằng tháng, phố cổ Hội An tắt đèn điện từ 18 giờ. Những con phố chỉ còn ánh sáng của đèn lồng.',
            '[gallery columns="2" size="medium" ids="' . implode(',', $ph) . '"]',
            'Ban quản lý phố cổ cho biết mỗi đêm rằm có hơn mười nghìn lượt khách.'
        ),
    ],
    [
        'key' => 'ghe-bau', 'author' => 'phuc', 'cats' => ['van-hoa'], 'tags' => ['Hội An', 'biển'], 'date' => '2021-07-03 16:05:00',
        'title' => 'Những chiếc ghe bầu cuối cùng ở Cửa Đại',
        'excerpt' => 'Nghề đóng ghe bầu chỉ còn vài người thợ già giữ lại.',
        'photos' => [
            ['ghe-bau-1', 'Ông Trương Văn Sáu bên chiếc ghe đang đóng dở.', 'Người thợ già bên thân ghe gỗ', 6],
            ['ghe-bau-2', 'Những tấm ván được hơ lửa để uốn cong.', 'Ván gỗ hơ trên lửa'],
            ['ghe-bau-3', 'Ghe bầu neo ở cửa sông lúc chiều.', 'Ghe bầu neo trên sông'],
        ],
        'body' => fn($ph) => "<!-- wp:paragraph -->\n<p>Xưởng ghe của ông Sáu nằm sát cửa biển. Mỗi chiếc ghe bầu mất bốn tháng mới xong.</p>\n<!-- /wp:paragraph -->\n\n"
            . "<!-- wp:gallery {\"linkTo\":\"none\"} -->\n<figure class=\"wp-block-gallery has-nested-images columns-default is-cropped\">"
            . implode('', array_map(fn($id) => "\n" . image_block($id, wp_get_attachment_caption($id)), $ph))
            . "\n<figcaption class=\"blocks-gallery-caption wp-element-caption\">Một ngày ở xưởng ghe Cửa Đại.</figcaption></figure>\n<!-- /wp:gallery -->",
    ],
    [
        'key' => 'bong-da-tre', 'author' => 'an', 'cats' => ['the-thao'], 'tags' => ['bóng đá', 'Đà Nẵng'], 'date' => '2024-06-22 21:50:00',
        'title' => 'Đội bóng trẻ Đà Nẵng giành vé vào vòng chung kết',
        'excerpt' => 'Thắng 2-1 trên sân nhà, đội U19 Đà Nẵng vào vòng chung kết toàn quốc.',
        'photos' => [['u19', 'Các cầu thủ U19 Đà Nẵng ăn mừng bàn thắng quyết định.', 'Cầu thủ ăn mừng trên sân']],
        'body' => fn($ph) => p(
            'Bàn thắng quyết định đến ở phút 88 sau một pha phối hợp bên cánh trái.',
            '<iframe width="560" height="315" src="https://www.youtube.com/embed/M7lc1UVf-VE" title="YouTube video player" frameborder="0" allow="accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; picture-in-picture" allowfullscreen></iframe>',
            'Huấn luyện viên trưởng cho biết cả đội sẽ tập trung ngay tuần tới.'
        ),
    ],
    [
        'key' => 'giai-chay', 'author' => 'an', 'cats' => ['the-thao'], 'tags' => ['Đà Nẵng', 'du lịch'], 'date' => '2025-04-06 07:20:00',
        'title' => 'Giải chạy ven biển thu hút hơn năm nghìn người',
        'excerpt' => 'Vận động viên chạy dọc đường Võ Nguyên Giáp khi trời vừa sáng.',
        'photos' => [],
        'body' => fn($ph) => p(
            'Giải chạy năm nay có ba cự ly: 5 km, 10 km và 21 km. Người lớn tuổi nhất tham gia đã 72 tuổi.',
            "<script>document.write('<div class=\"quang-cao\">Quảng cáo</div>'); window.tracker = 'giai-chay';</script>",
            '<style>.quang-cao { position: fixed; top: 0; }</style>',
            '<p>Xem <a href="https://songhan.example/ket-qua" onclick="alert(\'kết quả\')">bảng kết quả đầy đủ</a> trên trang của ban tổ chức.</p>'
        ),
    ],
    [
        'key' => 'ca-phe', 'author' => 'lan', 'cats' => ['kinh-te'], 'tags' => ['nông nghiệp'], 'date' => '2024-11-30 10:00:00',
        'title' => 'Giá cà phê tăng mạnh, người trồng ở Tây Nguyên phấn khởi',
        'excerpt' => 'Giá cà phê nhân xô lên mức cao nhất trong mười năm.',
        'photos' => [['ca-phe', 'Phơi cà phê ở Krông Pắc, Đắk Lắk. (Ảnh: Trần Văn Minh)', 'Sân phơi cà phê']],
        'body' => fn($ph) => p(
            '<h2>Giá cao nhất mười năm</h2>',
            'Sáng nay, giá cà phê nhân xô tại Đắk Lắk ở mức <strong>120.000&nbsp;đồng/kg</strong>, tăng gần gấp đôi so với cùng kỳ.',
            '<ul><li>Đắk Lắk: 120.000 đồng/kg</li><li>Gia Lai: 119.500 đồng/kg</li><li>Lâm Đồng: 118.800 đồng/kg</li></ul>',
            '<blockquote><p>Nhà tôi bán được giá thì trả xong nợ phân bón &amp; còn để dành cho con đi học.</p></blockquote>',
            '<h3>Lo ngại được mùa mất giá</h3>',
            'Các chuyên gia khuyên người trồng không nên phá rừng mở rộng diện tích. Đọc thêm <a href="https://songhan.example/kinh-te/">tin kinh tế</a>.'
        ),
    ],
    [
        'key' => 'truong-vung-cao', 'author' => 'minh', 'cats' => ['thoi-su'], 'tags' => ['giáo dục'], 'date' => '2023-08-28 14:30:00',
        'title' => 'Trường học vùng cao chuẩn bị cho năm học mới',
        'excerpt' => 'Giáo viên ở Tây Giang cõng sách vở vào các điểm trường lẻ.',
        'photos' => [['truong-1', 'Cô giáo Bling sửa lại mái lớp học ở điểm trường A Rầng. (Ảnh: Lê Hoàng Phúc)', 'Cô giáo sửa mái lớp học'], ['dup-truong', 'Lớp học ở điểm trường A Rầng.', 'Lớp học vùng cao']],
        'body' => fn($ph) => p(
            'Còn một tuần nữa là khai giảng, các thầy cô ở huyện Tây Giang đã vào điểm trường để dọn dẹp.',
            caption_shortcode($ph[0], 'Cô giáo Bling sửa lại mái lớp học ở điểm trường <a href="https://songhan.example/a-rang">A Rầng</a>. (Ảnh: Lê Hoàng Phúc)'),
            caption_shortcode($ph[1], 'Lớp học ở điểm trường A Rầng.'),
            'Năm nay huyện có thêm 12 phòng học mới.'
        ),
    ],
    [
        'key' => 'cho-noi', 'author' => 'phuc', 'cats' => ['kinh-te', 'van-hoa'], 'tags' => ['du lịch'], 'date' => '2020-12-05 05:45:00',
        'title' => 'Chợ nổi Cái Răng thay đổi để giữ khách',
        'excerpt' => 'Tiểu thương chợ nổi học cách bán hàng cho khách du lịch.',
        'photos' => [['cho-noi', 'Ghe hàng trên chợ nổi lúc bình minh.', 'Ghe chở trái cây trên sông']],
        'body' => fn($ph) => p(
            'Chợ nổi họp từ 4 giờ sáng. Mỗi ghe treo một cây bẹo để khách biết ghe bán gì.',
            html_figure($ph[0], 'Ghe hàng trên chợ nổi lúc bình minh.'),
            'Nhiều ghe nay bán thêm cà phê, hủ tiếu cho khách du lịch.'
        ),
    ],
    [
        'key' => 'nuoc-noi', 'author' => 'an', 'cats' => ['van-hoa'], 'tags' => [], 'date' => '2019-09-20 18:10:00',
        // Straight quotes, an apostrophe and a spaced hyphen, as typed: WordPress shows them curly and as a dash.
        'title' => 'Mùa nước nổi miền Tây qua ống kính "người trẻ"',
        'excerpt' => '',
        'photos' => [],
        'body' => fn($ph) => p(
            'Mỗi năm vào tháng chín, nước từ thượng nguồn tràn về đồng bằng. Với nhiều người trẻ, đây là mùa của những chuyến đi.',
            'Họ đi bằng xuồng ba lá, ngủ nhờ nhà dân, chụp cảnh giăng lưới bắt cá linh và hái bông điên điển.',
            'Một bạn trẻ nói: "Mùa nước nổi là mùa đẹp nhất" - cả nhóm gọi đó là \'mùa về quê\'... Bộ ảnh 40x60 cm sẽ được in lại.',
            'Triển lãm ảnh của nhóm sẽ mở cửa tại nhà văn hóa thành phố đến hết tháng.'
        ),
    ],
    [
        'key' => 'tien-sa', 'author' => 'minh', 'cats' => ['kinh-te'], 'tags' => ['Đà Nẵng', 'du lịch', 'biển'], 'date' => '2025-01-09 09:00:00',
        'title' => 'Cảng Tiên Sa đón tàu du lịch quốc tế đầu tiên trong năm',
        'excerpt' => 'Hơn hai nghìn du khách lên bờ tham quan Đà Nẵng và Hội An.',
        'photos' => [['tien-sa', 'Tàu du lịch cập cảng Tiên Sa sáng 9/1.', 'Tàu du lịch lớn cập cảng']],
        // Written in an editor on Windows: CRLF line ends reach the database.
        'body' => fn($ph) => "Sáng 9/1, tàu du lịch quốc tế đầu tiên của năm cập cảng Tiên Sa.\r\n\r\n" . caption_shortcode($ph[0], 'Tàu du lịch cập cảng Tiên Sa sáng 9/1.') . "\r\n\r\nDu khách được đón bằng múa lân và trống hội.",
    ],
    [
        'key' => 'ban-tin-1', 'author' => 'lan', 'cats' => ['thoi-su'], 'tags' => ['Đà Nẵng'], 'date' => '2025-05-19 06:00:00',
        'title' => 'Bản tin sáng: những điều cần biết hôm nay',
        'excerpt' => 'Thời tiết, giao thông và các sự kiện trong ngày.',
        'photos' => [['ban-tin', '', 'Bầu trời Đà Nẵng sáng sớm']],
        'body' => fn($ph) => p(
            '<p><img class="alignnone size-large wp-image-' . $ph[0] . '" src="' . large($ph[0])[0] . '" alt="Bầu trời Đà Nẵng sáng sớm" width="1024" height="683" /></p>',
            'Trời nắng, nhiệt độ từ 26 đến 34 độ. Đường Bạch Đằng cấm xe từ 19 giờ để chuẩn bị lễ hội.'
        ),
    ],
    [
        'key' => 'ban-tin-2', 'author' => 'lan', 'cats' => ['thoi-su'], 'tags' => [], 'date' => '2025-05-20 06:00:00',
        'title' => 'Bản tin sáng: những điều cần biết hôm nay',
        'excerpt' => '',
        'photos' => [],
        'body' => fn($ph) => p('Trời có mưa rào vào chiều tối. Cầu Rồng phun lửa lúc 21 giờ tối thứ Bảy.'),
    ],
    [
        'key' => 'nhap', 'status' => 'draft', 'author' => 'minh', 'cats' => ['thoi-su'], 'tags' => ['mùa mưa'], 'date' => '2025-06-01 15:00:00',
        'title' => 'Bản nháp: kế hoạch chống ngập mùa mưa năm tới',
        'excerpt' => '',
        'photos' => [],
        'body' => fn($ph) => p('Bài đang viết, chưa kiểm tra số liệu.'),
    ],
    [
        'key' => 'hen-gio', 'status' => 'future', 'author' => 'lan', 'cats' => ['van-hoa'], 'tags' => ['Đà Nẵng', 'du lịch'],
        'date' => wp_date('Y-m-d 20:00:00', time() + 30 * DAY_IN_SECONDS),
        'title' => 'Khai mạc lễ hội pháo hoa quốc tế',
        'excerpt' => 'Bài hẹn giờ, đăng vào tối khai mạc.',
        'photos' => [],
        'body' => fn($ph) => p('Tối nay, lễ hội pháo hoa quốc tế khai mạc bên bờ sông Hàn với năm đội tham gia.'),
    ],
];

$seed = 1;
foreach ($posts as $def) {
    $status = $def['status'] ?? 'publish';
    $id = wp_insert_post([
        'post_title' => $def['title'],
        'post_status' => $status === 'future' ? 'draft' : $status,
        'post_author' => $users[$def['author']],
        'post_date' => $def['date'],
        // A draft keeps a zero GMT date, as WordPress stores drafts.
        'post_date_gmt' => $status === 'draft' ? '0000-00-00 00:00:00' : get_gmt_from_date($def['date']),
        'post_excerpt' => $def['excerpt'],
        'post_content' => '',
        'post_category' => array_map(fn($c) => $cats[$c], $def['cats']),
        'tags_input' => $def['tags'],
    ], true);
    if (is_wp_error($id)) {
        fwrite(STDERR, $id->get_error_message() . "\n");
        exit(1);
    }
    $photo_ids = [];
    foreach ($def['photos'] as $ph) {
        // The second school photo has the same bytes as the first: one file, two attachments.
        $photo_seed = $ph[0] === 'dup-truong' ? $seed - 1 : $seed++;
        $photo_ids[] = upload($photo_seed, $id, $ph[0], $ph[1], $ph[2], $ph[3] ?? 1);
    }
    $update = ['ID' => $id, 'post_content' => ($def['body'])($photo_ids)];
    if ($status === 'future') {
        $update['post_status'] = 'future';
        $update['post_date'] = $def['date'];
        $update['post_date_gmt'] = get_gmt_from_date($def['date']);
    }
    wp_update_post(wp_slash($update));
    if ($photo_ids) {
        set_post_thumbnail($id, $photo_ids[0]);
    }
    $post = get_post($id);
    $manifest['posts'][] = [
        'id' => $id,
        'key' => $def['key'],
        'slug' => $post->post_name,
        'title' => $post->post_title,
        'excerpt' => $post->post_excerpt,
        'status' => $post->post_status,
        'date' => $post->post_date,
        'date_gmt' => $post->post_date_gmt,
        'link' => get_permalink($id),
        'author' => $def['author'],
        'categories' => $def['cats'],
        'tags' => $def['tags'],
        'featured_media' => $photo_ids[0] ?? 0,
        'attachments' => $photo_ids,
    ];
}

foreach (get_terms(['taxonomy' => 'post_tag', 'hide_empty' => false]) as $t) {
    $manifest['tags'][] = ['id' => $t->term_id, 'slug' => $t->slug, 'name' => $t->name];
}

// Comments on the first post: approved ones with a reply (and a reply to
// the reply), one waiting for moderation, one spam, one in the trash and a
// pingback. Only the approved ones may be imported.
$first = $manifest['posts'][0]['id'];
$manifest['comments'] = [];
$comment_ids = [];
foreach ([
    ['hoi', 'Hoàng Yến', "Tuyến số 2 có dừng ở chợ Hàn không ạ?\nMình đi làm sớm.", '1', null, '2024-03-12 12:00:00'],
    ['dap', 'Ban biên tập', 'Có bạn nhé, trạm dừng ở đường <strong>Trần Phú</strong>.', '1', 'hoi', '2024-03-12 12:30:00'],
    ['cam-on', 'Hoàng Yến', 'Cảm ơn tòa soạn &amp; bác tài!', '1', 'dap', '2024-03-12 13:00:00'],
    ['gia-ve', 'Trần Văn Bảy', 'Giá vé 8.000 đồng là hợp lý với sinh viên.', '1', null, '2024-03-13 07:45:00'],
    ['cho-duyet', 'Khách', 'Bình luận chờ duyệt: giá vé này hợp lý.', '0', null, '2024-03-13 08:00:00'],
    ['rac', 'Bán hàng rẻ', 'Thư rác: mua ngay tại http://spam.example', 'spam', null, '2024-03-13 08:10:00'],
    ['thung-rac', 'Người đã xóa', 'Bình luận đã xóa vào thùng rác.', 'trash', null, '2024-03-13 08:20:00'],
    ['pingback', 'Trang khác', 'Liên kết từ một trang khác.', '1', null, '2024-03-13 08:30:00', 'pingback'],
] as $c) {
    [$key, $name, $text, $approved, $parent, $date] = $c;
    $id = wp_insert_comment([
        'comment_post_ID' => $first,
        'comment_author' => $name,
        'comment_author_email' => 'doc-gia@songhan.example',
        'comment_content' => $text,
        'comment_approved' => $approved,
        'comment_parent' => $parent ? $comment_ids[$parent] : 0,
        'comment_type' => $c[6] ?? 'comment',
        'comment_date' => $date,
        'comment_date_gmt' => get_gmt_from_date($date),
    ]);
    $comment_ids[$key] = $id;
    $manifest['comments'][] = [
        'id' => $id,
        'key' => $key,
        'post' => $first,
        'parent' => $parent ? $comment_ids[$parent] : 0,
        'author' => $name,
        'text' => wp_strip_all_tags(html_entity_decode($text, ENT_QUOTES | ENT_HTML5, 'UTF-8')),
        'approved' => $approved,
        'type' => $c[6] ?? 'comment',
        'date_gmt' => get_gmt_from_date($date),
    ];
}

// An application password for the REST API (WordPress 5.6+; available on
// plain HTTP because wp-config.php says WP_ENVIRONMENT_TYPE is "local").
[$app_password] = WP_Application_Passwords::create_new_application_password($admin->ID, ['name' => 'edge-news import']);
$manifest['site'] = ['url' => home_url('/'), 'timezone' => get_option('timezone_string'), 'wordpress' => get_bloginfo('version')];
$manifest['application_password'] = ['user' => 'admin', 'password' => $app_password];

file_put_contents(getenv('MANIFEST_FILE'), json_encode($manifest, JSON_PRETTY_PRINT | JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES));
echo count($manifest['posts']) . ' posts, ' . count($manifest['attachments']) . " attachments\n";
