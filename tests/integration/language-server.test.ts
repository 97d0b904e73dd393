import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CodeActionRequest,
  DocumentDiagnosticRequest,
  DocumentDiagnosticReportKind,
  ExecuteCommandRequest,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  createProtocolConnection,
  type ApplyWorkspaceEditParams,
  type CodeAction,
  type Diagnostic,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';

// The editor path, end to end: the ESLint language server that VS Code's ESLint extension runs
// (vscode-eslint-language-server, from vscode-langservers-extracted), over stdio, against a
// project whose eslint.config.mjs loads the BUILT plugin by its package name (npm test builds
// first). No network: everything resolves from this repository's node_modules.
const projectDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'lsp-project');
const fileUri = pathToFileURL(path.join(projectDir, 'src', 'shipping.ts')).href;
const fileText = readFileSync(path.join(projectDir, 'src', 'shipping.ts'), 'utf8');
const serverScript = createRequire(import.meta.url).resolve('vscode-langservers-extracted/bin/vscode-eslint-language-server');
/** The first typed lint builds a TypeScript program over kafkajs and pg: slow on a busy 2-core machine. */
const requestTimeoutMs = 90_000;

/** Requests the server may send that a client only has to acknowledge. */
const acknowledgedRequests = [
  'client/registerCapability',
  'window/workDoneProgress/create',
  'workspace/diagnostic/refresh',
  'eslint/noConfig',
  'eslint/noLibrary',
  'eslint/probeFailed',
  'eslint/openDoc',
  'eslint/confirmESLintExecution',
];

/** The settings the VS Code extension sends for `workspace/configuration` (its defaults, flat config on). */
const settings = {
  validate: 'on',
  packageManager: 'npm',
  useESLintClass: false,
  useFlatConfig: true,
  experimental: { useFlatConfig: false },
  codeActionOnSave: { mode: 'all' },
  format: false,
  quiet: false,
  onIgnoredFiles: 'off',
  options: {},
  rulesCustomizations: [],
  run: 'onType',
  problems: { shortenToSingleLine: false },
  nodePath: null,
  workspaceFolder: { name: 'lsp-project', uri: pathToFileURL(projectDir).href },
  codeAction: {
    disableRuleComment: { enable: true, location: 'separateLine', commentStyle: 'line' },
    showDocumentation: { enable: true },
  },
};

describe('vscode-eslint-language-server with the plugin', () => {
  let server: ChildProcessWithoutNullStreams;
  let connection: ProtocolConnection;
  const serverLog: string[] = [];
  const appliedEdits: ApplyWorkspaceEditParams[] = [];

  beforeAll(async () => {
    server = spawn(process.execPath, [serverScript, '--stdio'], { cwd: projectDir, stdio: 'pipe' });
    server.stderr.on('data', (chunk: Buffer) => serverLog.push(chunk.toString()));
    connection = createProtocolConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
    connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => settings));
    connection.onRequest('workspace/applyEdit', (params: ApplyWorkspaceEditParams) => {
      appliedEdits.push(params);
      return { applied: true };
    });
    // Progress, capability registration and the extension's own requests (eslint/noConfig…): acknowledge.
    for (const method of acknowledgedRequests) {
      connection.onRequest(method, (params: unknown) => {
        serverLog.push(`${method} ${JSON.stringify(params)}`);
        return null;
      });
    }
    for (const method of ['window/logMessage', 'window/showMessage', 'eslint/status', 'eslint/exitCalled']) {
      connection.onNotification(method, (params: unknown) => {
        serverLog.push(`${method} ${JSON.stringify(params)}`);
      });
    }
    connection.listen();

    const folder = pathToFileURL(projectDir).href;
    await withTimeout(
      connection.sendRequest(InitializeRequest.type, {
        processId: process.pid,
        // eslint-disable-next-line @typescript-eslint/no-deprecated -- the protocol's types still require it; the server reads workspaceFolders
        rootUri: folder,
        workspaceFolders: [{ uri: folder, name: 'lsp-project' }],
        capabilities: {
          workspace: { configuration: true, workspaceFolders: true, applyEdit: true },
          textDocument: {
            diagnostic: { dynamicRegistration: false },
            codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll.eslint'] } } },
          },
        },
      }),
      'initialize',
    );
    await connection.sendNotification(InitializedNotification.type, {});
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: fileUri, languageId: 'typescript', version: 1, text: fileText } });
  });

  afterAll(async () => {
    try {
      await withTimeout(connection.sendRequest(ShutdownRequest.type), 'shutdown', 5000);
      await connection.sendNotification(ExitNotification.type);
    } catch {
      // The server is killed below either way.
    } finally {
      connection.dispose();
      server.kill();
    }
  });

  it('reports the rules in the file with LSP ranges (0-based, UTF-16, after é and an emoji)', async () => {
    const diagnostics = await diagnosticsOfFile();
    const line = fileText.split('\n')[8] ?? '';
    expect(diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character, d.range.end.character])).toEqual([
      ['event-driven/no-dual-write', 8, line.indexOf('producer.send'), line.indexOf('] });') + 4],
      ['event-driven/event-name-past-tense', 8, line.indexOf("'ShipOrder'"), line.indexOf("'ShipOrder'") + "'ShipOrder'".length],
    ]);
    expect(diagnostics.every((d) => d.source === 'eslint')).toBe(true);
  });

  it("offers the rule's suggestion as a quick fix, and applying it renames the event", async () => {
    const diagnostic = (await diagnosticsOfFile()).find((d) => d.code === 'event-driven/event-name-past-tense');
    expect(diagnostic).toBeDefined();
    if (diagnostic === undefined) return;
    const actions = await withTimeout(
      connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: fileUri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } }),
      'codeAction',
    );
    const rename = (actions ?? []).find((a): a is CodeAction => a.title === "Rename the event to 'OrderShipped'. (event-driven/event-name-past-tense)");
    expect(rename?.kind).toBe('quickfix');
    expect(rename?.command).toBeDefined();
    if (rename?.command === undefined) return;

    await withTimeout(connection.sendRequest(ExecuteCommandRequest.type, { command: rename.command.command, arguments: rename.command.arguments }), 'executeCommand');
    expect(appliedEdits.flatMap((e) => e.edit.documentChanges ?? [])).toEqual([
      { textDocument: { uri: fileUri, version: 1 }, edits: [{ range: diagnostic.range, newText: "'OrderShipped'" }] },
    ]);
  });

  /** Pull diagnostics, as VS Code does; the first answer can come before the library is resolved. */
  async function diagnosticsOfFile(): Promise<Diagnostic[]> {
    const deadline = Date.now() + requestTimeoutMs;
    for (;;) {
      const report = await withTimeout(connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: fileUri } }), 'textDocument/diagnostic');
      if (report.kind === DocumentDiagnosticReportKind.Full && report.items.length > 0) return report.items;
      if (Date.now() > deadline) return report.kind === DocumentDiagnosticReportKind.Full ? report.items : [];
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }

  function withTimeout<T>(promise: Promise<T>, what: string, ms = requestTimeoutMs): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => {
        reject(new Error(`${what}: no answer from the language server in ${String(ms)} ms\n${serverLog.slice(-20).join('\n')}`));
      }, ms);
    });
    return Promise.race([promise, timeout]).finally(() => {
      clearTimeout(timer);
    });
  }
});
