// claimlint-lsp through vscode-languageserver-protocol, the JSON-RPC and
// protocol layer under VS Code's language client: what VS Code would send
// (utf-16 only, its capabilities) and what it would get back.
//
//   CLAIMLINT_LSP=path/to/claimlint-lsp CLAIMLINT_TEST_PACK=tests/e2e/lsp/pack \
//     node --test test/protocol.e2e.test.js
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const cp = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { pathToFileURL } = require('url');
const rpc = require('vscode-languageserver-protocol/node');

const SERVER = process.env.CLAIMLINT_LSP;
const PACK = process.env.CLAIMLINT_TEST_PACK;
if (!SERVER || !PACK) {
  throw new Error('set CLAIMLINT_LSP and CLAIMLINT_TEST_PACK');
}

const TEXT = '# Tea\n\nThis tea cures arthritis.\nA miracle \u201ccure\u201d for you.\n' +
  '\u{1F600} Our tea cures \u{1F600} back pain.\n';

/** LSP position (UTF-16, as JS strings count) of string index i. */
function pos(text, i) {
  const before = text.slice(0, i);
  const line = before.split('\n').length - 1;
  return { line, character: i - (before.lastIndexOf('\n') + 1) };
}

function applyEdits(text, edits) {
  const offsets = text.split('\n').reduce((acc, l) => {
    acc.push(acc[acc.length - 1] + l.length + 1); return acc; }, [0]);
  const at = (p) => offsets[p.line] + p.character;
  return [...edits].sort((a, b) => at(b.range.start) - at(a.range.start))
    .reduce((t, e) => t.slice(0, at(e.range.start)) + e.newText + t.slice(at(e.range.end)), text);
}

function start(t) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimlint-vscode-'));
  const child = cp.spawn(SERVER, ['--stdio'], { cwd: dir, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  const conn = rpc.createProtocolConnection(
    new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
  const published = [];
  const waiters = [];
  conn.onNotification(rpc.PublishDiagnosticsNotification.type, (p) => {
    published.push(p);
    for (const w of [...waiters]) {
      if (w.pred(p)) { waiters.splice(waiters.indexOf(w), 1); w.resolve(p); }
    }
  });
  conn.onRequest(rpc.ConfigurationRequest.type, (p) => p.items.map(() => null));
  conn.onRequest(rpc.RegistrationRequest.type, () => null);
  conn.listen();
  const diagnostics = (pred) => {
    const have = published.find(pred);
    if (have) return Promise.resolve(have);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no diagnostics; stderr:\n' + stderr)), 10000);
      waiters.push({ pred, resolve: (p) => { clearTimeout(timer); resolve(p); } });
    });
  };
  t.after(() => { conn.dispose(); child.kill(); fs.rmSync(dir, { recursive: true, force: true }); });
  return { dir, child, conn, diagnostics, published };
}

async function initialize(s) {
  return s.conn.sendRequest(rpc.InitializeRequest.type, {
    processId: process.pid,
    rootUri: pathToFileURL(s.dir).href,
    capabilities: {
      general: { positionEncodings: ['utf-16'] },
      workspace: { configuration: true, workspaceEdit: { documentChanges: true },
                   didChangeWatchedFiles: { dynamicRegistration: true } },
      textDocument: {
        publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true,
                              dataSupport: true },
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } },
                      isPreferredSupport: true, dataSupport: true },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        synchronization: { didSave: true, dynamicRegistration: true },
      },
    },
    initializationOptions: { rulesDirs: [PACK], disableRules: ['health/*', 'lsptest/disclaimer'],
                             debounceMs: 0, enable: true },
  });
}

test('diagnostics, a quick fix, an edit, a hover, shutdown', async (t) => {
  const s = start(t);
  const init = await initialize(s);
  assert.strictEqual(init.capabilities.positionEncoding, 'utf-16');
  assert.strictEqual(init.capabilities.textDocumentSync.change, rpc.TextDocumentSyncKind.Incremental);
  await s.conn.sendNotification(rpc.InitializedNotification.type, {});
  const uri = pathToFileURL(path.join(s.dir, 'tea.md')).href;
  await s.conn.sendNotification(rpc.DidOpenTextDocumentNotification.type, {
    textDocument: { uri, languageId: 'markdown', version: 1, text: TEXT } });
  const first = await s.diagnostics((p) => p.uri === uri && p.version === 1);
  const cures = first.diagnostics.filter((d) => d.code === 'lsptest/cure');
  // JS string indices are UTF-16 code units, like the server's positions.
  const want = [];
  for (let i = TEXT.indexOf('cure'); i >= 0; i = TEXT.indexOf('cure', i + 1)) {
    const len = TEXT.startsWith('cures', i) ? 5 : 4;
    want.push({ start: pos(TEXT, i), end: pos(TEXT, i + len) });
  }
  assert.deepStrictEqual(cures.map((d) => d.range), want);
  const last = cures[cures.length - 1];
  assert.strictEqual(last.severity, rpc.DiagnosticSeverity.Error);
  assert.strictEqual(last.source, 'claimlint');
  assert.strictEqual(last.data.rule, 'lsptest/cure');

  const actions = await s.conn.sendRequest(rpc.CodeActionRequest.type, {
    textDocument: { uri }, range: last.range, context: { diagnostics: [last] } });
  assert.ok(actions.length >= 5);
  assert.ok(actions.every((a) => a.kind === rpc.CodeActionKind.QuickFix && a.edit));
  const dc = actions[0].edit.documentChanges[0];
  assert.deepStrictEqual(dc.textDocument, { uri, version: 1 });
  const fixed = applyEdits(TEXT, dc.edits);
  assert.strictEqual(fixed.split('\n')[4], '\u{1F600} Our tea may help with \u{1F600} back pain.');

  await s.conn.sendNotification(rpc.DidChangeTextDocumentNotification.type, {
    textDocument: { uri, version: 2 },
    contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
                       text: 'Intro \u{1F600}.\n' }] });
  const second = await s.diagnostics((p) => p.uri === uri && p.version === 2);
  assert.deepStrictEqual(second.diagnostics.map((d) => d.range.start.line), [3, 4, 4, 5]);

  const hover = await s.conn.sendRequest(rpc.HoverRequest.type, {
    textDocument: { uri }, position: { line: 3, character: 10 } });
  assert.strictEqual(hover.contents.kind, 'markdown');
  assert.match(hover.contents.value, /lsptest\/cure/);
  assert.match(hover.contents.value, /Regulatory basis/);

  await s.conn.sendNotification(rpc.DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  const closed = await s.diagnostics((p) => p.uri === uri && p.diagnostics.length === 0);
  assert.deepStrictEqual(closed.diagnostics, []);

  await s.conn.sendRequest(rpc.ShutdownRequest.type);
  const code = new Promise((resolve) => s.child.on('exit', resolve));
  await s.conn.sendNotification(rpc.ExitNotification.type);
  assert.strictEqual(await code, 0);
});

test('errors come back as JSON-RPC errors', async (t) => {
  const s = start(t);
  await assert.rejects(s.conn.sendRequest('textDocument/hover', {
    textDocument: { uri: 'file:///x' }, position: { line: 0, character: 0 } }),
  (e) => e.code === -32002);
  await initialize(s);
  await assert.rejects(s.conn.sendRequest('claimlint/unknown', {}), (e) => e.code === -32601);
  await assert.rejects(s.conn.sendRequest(rpc.ExecuteCommandRequest.type,
    { command: 'claimlint.documentText', arguments: ['file:///not-open'] }),
  (e) => e.code === -32602);
});
