// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
// Everything about starting the server that can be decided without VS Code:
// which bundled binary fits this machine, the documents to lint and the
// settings the server receives. Kept free of the 'vscode' module so that
// node:test can check it.

import * as path from 'path';
import { pathToFileURL } from 'url';

/** vsce --target names, by Node's process.platform and process.arch. */
const TARGETS: Record<string, string> = {
  'linux-x64': 'linux-x64',
  'linux-arm64': 'linux-arm64',
  'linux-arm': 'linux-armhf',
  'darwin-x64': 'darwin-x64',
  'darwin-arm64': 'darwin-arm64',
  'win32-x64': 'win32-x64',
  'win32-arm64': 'win32-arm64',
};

export const LANGUAGES = ['markdown', 'html', 'plaintext'];

export function targetFor(platform: string, arch: string): string | undefined {
  return TARGETS[`${platform}-${arch}`];
}

export function binaryName(platform: string): string {
  return platform === 'win32' ? 'claimlint-lsp.exe' : 'claimlint-lsp';
}

export interface ServerCommand {
  command: string;
  bundled: boolean;
}

/**
 * The server to start: the user's claimlint.serverPath when set, else the
 * binary bundled for this platform in server/<target>/.
 */
export function resolveServer(
  extensionPath: string,
  override: string | undefined,
  platform: string,
  arch: string,
  exists: (p: string) => boolean,
): ServerCommand {
  if (override && override.trim() !== '') {
    return { command: override.trim(), bundled: false };
  }
  const target = targetFor(platform, arch);
  if (!target) {
    throw new Error(
      `claimlint has no bundled server for ${platform}-${arch}; ` +
        'set claimlint.serverPath to a claimlint-lsp binary',
    );
  }
  const command = path.join(extensionPath, 'server', target, binaryName(platform));
  if (!exists(command)) {
    throw new Error(
      `claimlint's bundled server is missing (${command}); ` +
        'reinstall the extension or set claimlint.serverPath',
    );
  }
  return { command, bundled: true };
}

/** The documents the client sends to the server. */
export function documentSelector(): { scheme: string; language: string }[] {
  const out: { scheme: string; language: string }[] = [];
  for (const scheme of ['file', 'untitled']) {
    for (const language of LANGUAGES) {
      out.push({ scheme, language });
    }
  }
  return out;
}

/** Arguments of the server process. */
export function serverArgs(trace: string | undefined): string[] {
  return trace === 'verbose' ? ['--stdio', '--log=debug'] : ['--stdio'];
}

/**
 * The "claimlint" settings as the server reads them (initializationOptions
 * and pulls): the section as VS Code has it, with rule links pointing at the
 * rule reference bundled in docs/rules when the user set no docsBaseUrl.
 */
export function serverSettings(
  section: Record<string, unknown>,
  extensionPath: string,
  exists: (p: string) => boolean,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(section)) {
    if (key === 'serverPath' || key === 'trace') continue;
    out[key] = value;
  }
  const docs = path.join(extensionPath, 'docs', 'rules');
  if ((!out.docsBaseUrl || out.docsBaseUrl === '') && exists(docs)) {
    out.docsBaseUrl = pathToFileURL(docs).href;
  }
  return out;
}
