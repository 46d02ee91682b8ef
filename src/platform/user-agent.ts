// A coarse description of the device behind a User-Agent, for a list of
// sessions: the browser family and the operating system, nothing finer (no
// versions, no device model), so the stored label cannot fingerprint anyone.

const BROWSERS: [RegExp, string][] = [
  [/\bZalo\b/i, "Zalo"],
  [/\bFBA[NV]\/|\bFB_IAB\b/, "Facebook"],
  [/\bEdg(A|iOS|e)?\//, "Edge"],
  [/\bOPR\/|\bOpera\b/, "Opera"],
  [/\bSamsungBrowser\//, "Samsung Internet"],
  [/\bcoc_coc_browser\//i, "Cốc Cốc"],
  [/\bFirefox\/|\bFxiOS\//, "Firefox"],
  [/\bChrome\/|\bCriOS\//, "Chrome"],
  [/\bVersion\/[\d.]+.*\bSafari\//, "Safari"],
];

const SYSTEMS: [RegExp, string][] = [
  [/\bAndroid\b/, "Android"],
  [/\biPhone\b|\biPod\b/, "iOS"],
  [/\biPad\b/, "iPadOS"],
  [/\bCrOS\b/, "ChromeOS"],
  [/\bWindows\b/, "Windows"],
  [/\bMac OS X\b|\bMacintosh\b/, "macOS"],
  [/\bLinux\b/, "Linux"],
];

const first = (ua: string, list: [RegExp, string][]) => list.find(([re]) => re.test(ua))?.[1];

/** "Chrome · Android", "Safari · iOS", "Firefox", or "" when nothing is recognised. */
export function deviceLabel(userAgent: string | undefined | null): string {
  const ua = (userAgent ?? "").slice(0, 512);
  return [first(ua, BROWSERS), first(ua, SYSTEMS)].filter(Boolean).join(" · ");
}
