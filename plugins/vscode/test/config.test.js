// Unit tests of the client configuration (out/config.js, no VS Code needed).
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const path = require('path');
const cfg = require('../out/config.js');

test('the bundled server for each platform', () => {
  const seen = [];
  const exists = (p) => { seen.push(p); return true; };
  const s = cfg.resolveServer('/ext', '', 'linux', 'x64', exists);
  assert.deepStrictEqual(s, {
    command: path.join('/ext', 'server', 'linux-x64', 'claimlint-lsp'), bundled: true });
  assert.strictEqual(cfg.resolveServer('/ext', undefined, 'darwin', 'arm64', exists).command,
    path.join('/ext', 'server', 'darwin-arm64', 'claimlint-lsp'));
  assert.strictEqual(cfg.resolveServer('/ext', '', 'win32', 'x64', exists).command,
    path.join('/ext', 'server', 'win32-x64', 'claimlint-lsp.exe'));
  assert.strictEqual(cfg.targetFor('linux', 'arm'), 'linux-armhf');
});

test('serverPath wins over the bundled binary', () => {
  const s = cfg.resolveServer('/ext', ' /opt/claimlint-lsp ', 'linux', 'x64',
    () => { throw new Error('must not look'); });
  assert.deepStrictEqual(s, { command: '/opt/claimlint-lsp', bundled: false });
});

test('unsupported platforms and missing binaries say what to do', () => {
  assert.throws(() => cfg.resolveServer('/ext', '', 'aix', 'ppc64', () => true),
    /no bundled server for aix-ppc64.*serverPath/);
  assert.throws(() => cfg.resolveServer('/ext', '', 'linux', 'x64', () => false),
    /bundled server is missing/);
});

test('documents: markdown, html and plain text, saved or not', () => {
  const sel = cfg.documentSelector();
  assert.deepStrictEqual([...new Set(sel.map((s) => s.language))].sort(),
    ['html', 'markdown', 'plaintext']);
  assert.ok(sel.some((s) => s.scheme === 'untitled' && s.language === 'markdown'));
  assert.strictEqual(sel.length, 6);
});

test('settings for the server', () => {
  const out = cfg.serverSettings(
    { enable: true, serverPath: '/x', trace: { server: 'off' }, disableRules: ['a/*'],
      docsBaseUrl: '' },
    '/ext', (p) => p === path.join('/ext', 'docs', 'rules'));
  assert.deepStrictEqual(out, { enable: true, disableRules: ['a/*'],
    docsBaseUrl: 'file:///ext/docs/rules' });
  const kept = cfg.serverSettings({ docsBaseUrl: 'https://d' }, '/ext', () => true);
  assert.strictEqual(kept.docsBaseUrl, 'https://d');
  const none = cfg.serverSettings({}, '/ext', () => false);
  assert.deepStrictEqual(none, {});
});

test('verbose tracing also turns on server logs', () => {
  assert.deepStrictEqual(cfg.serverArgs('verbose'), ['--stdio', '--log=debug']);
  assert.deepStrictEqual(cfg.serverArgs('off'), ['--stdio']);
});

test('package.json exposes every setting the client reads', () => {
  const pkg = require('../package.json');
  const props = pkg.contributes.configuration.properties;
  for (const key of ['enable', 'serverPath', 'rulesDirs', 'configPath', 'profile',
    'enableRules', 'disableRules', 'minimumSeverity', 'showQualified',
    'checkFrequency', 'debounceMs', 'docsBaseUrl', 'trace.server']) {
    assert.ok(props['claimlint.' + key], key);
  }
  assert.strictEqual(pkg.dependencies['vscode-languageclient'], '9.0.1');
  assert.deepStrictEqual(pkg.activationEvents.sort(),
    ['onLanguage:html', 'onLanguage:markdown', 'onLanguage:plaintext']);
});
