// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
// Starts claimlint-lsp for Markdown, HTML and plain text documents.

import * as fs from 'fs';
import * as vscode from 'vscode';
import {
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  TransportKind,
} from 'vscode-languageclient/node';
import { documentSelector, resolveServer, serverArgs, serverSettings } from './config';

let client: LanguageClient | undefined;

function exists(p: string): boolean {
  return fs.existsSync(p);
}

function settingsFor(context: vscode.ExtensionContext): Record<string, unknown> {
  const cfg = vscode.workspace.getConfiguration('claimlint');
  const section: Record<string, unknown> = {};
  for (const key of [
    'enable', 'rulesDirs', 'configPath', 'profile', 'enableRules', 'disableRules',
    'minimumSeverity', 'showQualified', 'checkFrequency', 'debounceMs', 'docsBaseUrl',
  ]) {
    section[key] = cfg.get(key);
  }
  return serverSettings(section, context.extensionPath, exists);
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const cfg = vscode.workspace.getConfiguration('claimlint');
  const server = resolveServer(
    context.extensionPath, cfg.get<string>('serverPath'), process.platform,
    process.arch, exists);
  if (server.bundled) {
    // Some installers drop the executable bit.
    try {
      fs.accessSync(server.command, fs.constants.X_OK);
    } catch {
      fs.chmodSync(server.command, 0o755);
    }
  }
  const args = serverArgs(cfg.get<string>('trace.server'));
  const serverOptions: ServerOptions = {
    run: { command: server.command, args, transport: TransportKind.stdio },
    debug: { command: server.command, args: ['--stdio', '--log=debug'],
             transport: TransportKind.stdio },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: documentSelector(),
    initializationOptions: settingsFor(context),
    synchronize: {
      fileEvents: vscode.workspace.createFileSystemWatcher('**/.claimlint.json'),
    },
    middleware: {
      workspace: {
        // Answer the server's workspace/configuration pulls with the same
        // translation as the initialization options.
        configuration: (params, token, next) =>
          params.items.map((item) =>
            item.section === 'claimlint' ? settingsFor(context) : null),
      },
    },
  };
  client = new LanguageClient('claimlint', 'claimlint', serverOptions, clientOptions);
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (client && e.affectsConfiguration('claimlint')) {
        void client.sendNotification('workspace/didChangeConfiguration', {
          settings: { claimlint: settingsFor(context) },
        });
      }
    }),
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  if (client) {
    await client.stop();
    client = undefined;
  }
}
