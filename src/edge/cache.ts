// The data centre's default cache. (Node's DOM-style CacheStorage type, pulled
// in by the test tooling, hides the Workers-only `default` property.)
export function edgeCache(): Cache {
  return (caches as CacheStorage & { default: Cache }).default;
}
