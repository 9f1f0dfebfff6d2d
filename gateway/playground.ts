// GraphiQL playground served by the gateway at `/`.
//
// The hub is demoed on networks without internet access, so the page must not
// depend on a CDN: every asset is inlined and the only request the page makes
// is the POST to `endpoint` on its own origin. GraphiQL 4 still uses
// CodeMirror 5 (no Monaco web workers) and its CSS embeds its fonts as data:
// URLs, so inlining the four files below is all it takes.
import * as fs from "node:fs";
import * as path from "node:path";
import * as crypto from "node:crypto";
import { THAI_FONT_CSS } from "./fonts";

export interface PlaygroundTab {
  name: string;
  query: string;
  variables?: string;
}

export interface PlaygroundOptions {
  endpoint: string;
  tabs: PlaygroundTab[];
  intro?: string;
}

interface Assets {
  css: string;
  scripts: string[];
}

let assets: Assets | undefined;

// Both react's and graphiql's `exports` maps hide the UMD files from
// require.resolve, but both export `./package.json`, which gives the folder.
function packageFile(pkg: string, file: string): string {
  const dir: string = path.dirname(require.resolve(`${pkg}/package.json`));
  return fs.readFileSync(path.join(dir, file), "utf8");
}

// The bundles are ~1.6 MB; read them on first render rather than on import so
// that importing the gateway (e.g. in tests) stays cheap.
function loadAssets(): Assets {
  if (assets === undefined) {
    assets = {
      css: packageFile("graphiql", "graphiql.min.css"),
      // Order matters: the graphiql UMD build reads the React/ReactDOM globals.
      scripts: [
        packageFile("react", "umd/react.production.min.js"),
        packageFile("react-dom", "umd/react-dom.production.min.js"),
        packageFile("graphiql", "graphiql.min.js"),
      ].map(inlineScript),
    };
  }
  return assets;
}

// Raw JS cannot be JSON-escaped, so neutralise only what the HTML tokenizer
// reacts to inside <script>. Both rewrites are no-ops for the JS parser in
// strings, template literals and regexes, the only places they can occur.
// The source map comment would point at a file we do not serve.
function inlineScript(js: string): string {
  return js
    .replace(/<\/(script)/gi, "<\\/$1")
    .replace(/<!--/g, "\\x3C!--")
    .replace(/^\/\/# sourceMappingURL=.*$/gm, "");
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

// JSON is valid JS; escaping `<` keeps `</script>` or `<!--` in a query from
// ending the script element. U+2028/9 are escaped for pre-ES2019 parsers.
function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

// GraphiQL 4 tabs have no label: the title is the query's operation name (or
// "<untitled>"), found with the regex below (copied from @graphiql/react). When
// the name differs, a leading comment keeps it visible; comment lines are
// skipped by that regex, so the title is unaffected.
const OPERATION_NAME: RegExp = /^(?!#).*(query|subscription|mutation)\s+([a-zA-Z0-9_]+)/m;

function tabQuery(tab: PlaygroundTab): string {
  const name: string = tab.name.replace(/\s+/g, " ").trim();
  if (name === "" || OPERATION_NAME.exec(tab.query)?.[2] === name) return tab.query;
  return `# ${name}\n${tab.query}`;
}

export function renderPlayground(options: PlaygroundOptions): string {
  const { css, scripts } = loadAssets();
  const tabs: { query: string; variables: string | null }[] = options.tabs.map((tab: PlaygroundTab) => ({
    query: tabQuery(tab),
    variables: tab.variables ?? null,
  }));
  // GraphiQL restores tabs from localStorage and then ignores `defaultTabs`,
  // so returning visitors would never see changed examples. Keying storage by
  // the tab set keeps edits across reloads but starts fresh when it changes.
  const storageKey: string = crypto.createHash("sha256").update(JSON.stringify(tabs)).digest("hex").slice(0, 12);
  const config: string = jsonForScript({ endpoint: options.endpoint, tabs, storageKey });
  const intro: string = options.intro === undefined || options.intro === "" ? "" : `<div id="intro">${escapeHtml(options.intro)}</div>`;

  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>GraphQL playground</title>
<!-- An empty icon, so the browser does not ask the gateway for /favicon.ico. -->
<link rel="icon" href="data:,">
<style>${css.replace(/<\/(style)/gi, "<\\/$1")}</style>
<style>
${THAI_FONT_CSS}
html, body { height: 100%; margin: 0; }
body { display: flex; flex-direction: column; }
/* Thai (place names, labels) in Sarabun, served by the gateway: no Thai font need be installed. */
.graphiql-container, .CodeMirror-hints, .CodeMirror-info, .graphiql-dialog {
  --font-family: "Roboto", sans-serif, "Sarabun"; --font-family-mono: "Fira Code", monospace, "Sarabun";
}
#intro { padding: 6px 12px; font: 14px/1.4 system-ui, sans-serif, "Sarabun"; background: #f3f4f6; border-bottom: 1px solid #d1d5db; }
#graphiql { flex: 1; min-height: 0; }
</style>
</head>
<body>
${intro}
<div id="graphiql">Loading&hellip;</div>
${scripts.map((js: string) => `<script>${js}</script>`).join("\n")}
<script>
(function () {
  var config = ${config};
  function fetcher(params, opts) {
    var headers = Object.assign(
      { "content-type": "application/json", accept: "application/json" },
      opts && opts.headers
    );
    return fetch(config.endpoint, {
      method: "POST",
      headers: headers,
      body: JSON.stringify(params),
      credentials: "same-origin"
    }).then(function (res) { return res.json(); });
  }
  var prefix = "playground:" + config.storageKey + ":";
  var storage = {
    getItem: function (k) { return localStorage.getItem(prefix + k); },
    setItem: function (k, v) { localStorage.setItem(prefix + k, v); },
    removeItem: function (k) { localStorage.removeItem(prefix + k); },
    clear: function () {
      Object.keys(localStorage).forEach(function (k) {
        if (k.indexOf(prefix) === 0) localStorage.removeItem(k);
      });
    },
    get length() {
      return Object.keys(localStorage).filter(function (k) { return k.indexOf(prefix) === 0; }).length;
    }
  };
  // GraphiQL 4.1 fills the first tab's query from defaultTabs but not its variables: on a first
  // visit (nothing stored yet) hand them over as the initial variables.
  var firstVisit = storage.getItem("graphiql:tabState") === null;
  var firstVariables = firstVisit && config.tabs.length > 0 ? config.tabs[0].variables : null;
  ReactDOM.createRoot(document.getElementById("graphiql")).render(
    React.createElement(GraphiQL, {
      fetcher: fetcher,
      defaultTabs: config.tabs.length > 0 ? config.tabs : undefined,
      variables: firstVariables || undefined,
      storage: storage
    })
  );
})();
</script>
</body>
</html>
`;
}
