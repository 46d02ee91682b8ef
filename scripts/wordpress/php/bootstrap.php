<?php
// Loads the harness's WordPress copy from PHP's command line. WP_DIR is the
// copy (scripts/wordpress/site.ts writes its wp-config.php), WP_URL its address.
$wp_dir = getenv('WP_DIR');
$wp_url = getenv('WP_URL');
if (!$wp_dir || !$wp_url) {
    fwrite(STDERR, "WP_DIR and WP_URL must be set\n");
    exit(2);
}
$parts = parse_url($wp_url);
$_SERVER['HTTP_HOST'] = $parts['host'] . ':' . $parts['port'];
$_SERVER['SERVER_NAME'] = $parts['host'];
$_SERVER['SERVER_PORT'] = (string) $parts['port'];
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['REQUEST_METHOD'] = 'GET';
$_SERVER['REMOTE_ADDR'] = '127.0.0.1';
require $wp_dir . '/wp-load.php';
