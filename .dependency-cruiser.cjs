// The walls between the rooms of src/ (docs/architecture.md, "Walls").
// `npm run walls` checks them over the real import graph; CI fails on any
// violation. Type-only imports count too, unless a rule says otherwise.
/** Folders of src/ that hold no I/O of their own: any layer may import them. */
const LIBRARIES = "^src/(platform|vi|model|content|search|seo|weather|media|community|offline|site)/";

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-cycles",
      severity: "error",
      comment: "An import cycle makes two rooms one: break it by moving the shared piece down.",
      from: { path: "^(src|worker)/" },
      to: { circular: true },
    },
    {
      name: "src-not-tools",
      severity: "error",
      comment: "The Worker never imports the scripts or the tests.",
      from: { path: "^(src|worker)/" },
      to: { path: "^(scripts|test)/" },
    },
    {
      name: "libraries-stay-below",
      severity: "error",
      comment: "Libraries are imported by the layers, never the other way round.",
      from: { path: LIBRARIES },
      to: { path: "^src/(db|edge|http|views|reader|newsroom|jobs|app)" },
    },
    {
      name: "libraries-read-env-types-only",
      severity: "error",
      comment: "A library may name the Env type to read its settings, never import the app's wiring.",
      from: { path: LIBRARIES },
      to: { path: "^src/env\\.ts$", dependencyTypesNot: ["type-only"] },
    },
    {
      name: "platform-knows-nothing",
      severity: "error",
      comment: "Platform helpers (hashing, hex, logging, timeouts) know nothing of the paper.",
      from: { path: "^src/platform/" },
      to: { path: "^src/", pathNot: "^src/platform/" },
    },
    {
      name: "views-are-pure",
      severity: "error",
      comment: "Views are functions of their props: no queries, no routes, no newsroom logic, no caching.",
      from: { path: "^src/views/" },
      to: { path: "^src/(db|newsroom|reader|jobs|edge|http|app)" },
    },
    {
      name: "queries-stay-queries",
      severity: "error",
      comment: "Query modules return plain data: they never import routes, views, caching or request handling.",
      from: { path: "^src/db/" },
      to: { path: "^src/(reader|newsroom|jobs|views|edge|http|app)" },
    },
    {
      name: "caching-knows-no-content",
      severity: "error",
      comment: "Caching does not hold SQL nor know which pages exist: routes hand it versions and tags.",
      from: { path: "^src/edge/" },
      to: { path: ["^src/(db|reader|newsroom|jobs|views|model|content)/", "(^|/)node_modules/drizzle-orm/"] },
    },
    {
      name: "readers-never-reach-the-newsroom",
      severity: "error",
      comment: "Reader code never imports newsroom code (nor the reverse through jobs).",
      from: { path: "^src/(reader|jobs)/" },
      to: { path: "^src/newsroom/" },
    },
    {
      name: "editor-is-browser-code",
      severity: "error",
      comment:
        "The newsroom's editor runs in the browser: it may use the pure content library (without zod) and nothing of the Worker.",
      from: { path: "^src/editor/" },
      to: {
        path: "^src/",
        pathNot: [
          "^src/editor/",
          "^src/content/markup/",
          "^src/content/blocks\\.ts$",
          "^src/content/href\\.ts$",
          "^src/content/rich-text\\.ts$",
          "^src/vi/normalize\\.ts$",
        ],
      },
    },
    {
      name: "editor-ships-no-zod",
      severity: "error",
      comment: "The editor's bundle stays small: zod only as types (the server validates every save).",
      from: { path: "^src/editor/" },
      to: {
        path: ["(^|/)node_modules/zod/", "^src/content/(blocks|rich-text)\\.ts$"],
        dependencyTypesNot: ["type-only"],
      },
    },
    {
      name: "nothing-imports-the-editor",
      severity: "error",
      comment: "The editor is a browser bundle of its own (scripts/build-assets.ts), never part of the Worker.",
      from: { path: "^(src|worker)/", pathNot: "^src/editor/" },
      to: { path: "^src/editor/" },
    },
    {
      name: "http-is-generic",
      severity: "error",
      comment: "Request guards, headers and logs are shared middleware: they know no routes.",
      from: { path: "^src/http/" },
      to: { path: "^src/(reader|newsroom|jobs|views|db)", pathNot: "^src/db/client\\.ts$" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { extensions: [".ts", ".tsx", ".js"] },
    exclude: { path: "\\.test\\.tsx?$" },
  },
};
