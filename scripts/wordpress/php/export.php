<?php
// Writes the WXR export with WordPress's own export_wp() (Tools > Export >
// All content), exactly the file a paper would download from wp-admin.
require __DIR__ . '/bootstrap.php';
require_once ABSPATH . 'wp-admin/includes/export.php';
ob_start();
export_wp(['content' => 'all']);
$xml = ob_get_clean();
file_put_contents(getenv('WXR_FILE'), $xml);
echo strlen($xml) . " bytes\n";
