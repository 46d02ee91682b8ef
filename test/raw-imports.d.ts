// Vite's `?raw` imports: a file's text, bundled into the test (the Workers
// pool has no file system to read the repository from).
declare module "*?raw" {
  const text: string;
  export default text;
}
