<?php
// Installs the site non-interactively with WordPress's own wp_install(), then
// sets what a paper's site has: pretty permalinks (/YYYY/MM/DD/slug/), a
// classic theme, and a time zone that is deliberately not Vietnam's
// (Europe/Paris, +01:00 or +02:00 by season), so the test sees the importer
// turn the source's times into Vietnam time. The sample post, page and
// comment go.
define('WP_INSTALLING', true);
require __DIR__ . '/bootstrap.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';

$result = wp_install('Báo Sông Hàn', 'admin', 'admin@songhan.example', true, '', getenv('WP_ADMIN_PASSWORD') ?: 'admin', '');
if (is_wp_error($result)) {
    fwrite(STDERR, $result->get_error_message() . "\n");
    exit(1);
}
update_option('blogdescription', 'Tin tức Đà Nẵng và miền Trung');
update_option('timezone_string', 'Europe/Paris');
update_option('gmt_offset', '');
update_option('date_format', 'd/m/Y');
update_option('time_format', 'H:i');
update_option('posts_per_page', 10);
update_option('default_comment_status', 'open');
update_option('comment_moderation', 0);
switch_theme('twentytwentyone');

global $wp_rewrite;
$wp_rewrite->set_permalink_structure('/%year%/%monthnum%/%day%/%postname%/');
flush_rewrite_rules(false);

foreach (get_posts(['post_type' => ['post', 'page'], 'post_status' => 'any', 'numberposts' => -1]) as $p) {
    wp_delete_post($p->ID, true);
}
echo "installed\n";
