<?php
// Router for PHP's built-in server: existing files (uploads, theme assets,
// wp-admin scripts) are served as they are; every other path goes to
// index.php, as Apache's rewrite rules do for pretty permalinks.
$path = parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH);
$file = $_SERVER['DOCUMENT_ROOT'] . $path;
if ($path !== '/' && file_exists($file)) {
    if (is_dir($file) && file_exists(rtrim($file, '/') . '/index.php')) {
        $_SERVER['SCRIPT_NAME'] = rtrim($path, '/') . '/index.php';
        require rtrim($file, '/') . '/index.php';
        return true;
    }
    if (!is_dir($file)) {
        return false;
    }
}
$_SERVER['SCRIPT_NAME'] = '/index.php';
$_SERVER['SCRIPT_FILENAME'] = $_SERVER['DOCUMENT_ROOT'] . '/index.php';
require $_SERVER['DOCUMENT_ROOT'] . '/index.php';
