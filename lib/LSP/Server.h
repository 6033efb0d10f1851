//===- LSP/Server.h - The claimlint language server --------------*- C++
//-*-===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//
///
/// \file
/// The language server's state machine (docs/editors.md): it takes decoded
/// JSON-RPC messages, keeps the open documents, lints them through an
/// Engine/Workspace and sends replies and notifications through a callback.
/// It does no I/O of its own, so tests drive it message by message; the stdio
/// loop (LSP/StdioLoop.h) feeds it from a pipe and runs its timers.
///
/// Lints are debounced per document: a change schedules one, a newer change
/// moves it later, and a lint whose document already has a newer change
/// waiting is dropped, so the newest version wins. Everything runs on one
/// thread.
///
//===----------------------------------------------------------------------===//

#ifndef CLAIMLINT_LSP_SERVER_H
#define CLAIMLINT_LSP_SERVER_H

#include "Engine/Workspace.h"

#include "llvm/Support/raw_ostream.h"

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "LSP/Json.h"
#include "LSP/Position.h"
#include "LSP/Settings.h"

namespace claimlint {
namespace lsp {

enum ErrorCode : int {
  ParseError = -32700,
  InvalidRequest = -32600,
  MethodNotFound = -32601,
  InvalidParams = -32602,
  InternalError = -32603,
  ServerNotInitialized = -32002,
  RequestFailed = -32803,
  RequestCancelled = -32800,
};

enum class LogLevel { Error, Info, Debug };

struct ServerOptions {
  std::string Version = "0.0.0";
  std::vector<std::string> RulesDirs; ///< --rules-dir, absolute or cwd-relative
  /// Base of rule documentation links; a rule's page is
  /// <base>/<pack>/<rule>.md. Settings may override it.
  std::string DocsBaseUrl;
  std::string Today; ///< YYYY-MM-DD; "" = today (UTC)
  LogLevel Level = LogLevel::Info;
};

class Server {
public:
  using Clock = std::chrono::steady_clock;
  /// Receives each outgoing message, serialised (without the header).
  using Sender = std::function<void(const std::string &)>;

  Server(ServerOptions Opts, Sender Send, llvm::raw_ostream &Log);
  ~Server();

  /// Handles one decoded message (request, notification or response).
  void handleMessage(const json &Msg, Clock::time_point Now = Clock::now());
  /// Bytes that were not a message: replies with a ParseError (id null).
  void handleFramingError(llvm::StringRef What);

  /// When the next debounced lint is due, if one is scheduled.
  llvm::Optional<Clock::time_point> nextDeadline() const;
  /// Runs the lints due at \p Now.
  void runDue(Clock::time_point Now = Clock::now());

  /// Asked before a lint is published: true if a newer change to \p Uri is
  /// already waiting to be handled (then the lint is dropped).
  std::function<bool(llvm::StringRef Uri)> NewerChangeWaiting;

  /// True once "exit" arrived; exitCode() is then 0 after "shutdown", else 1.
  bool exited() const { return Exited; }
  int exitCode() const { return ShutdownReceived ? 0 : 1; }
  bool shutdownReceived() const { return ShutdownReceived; }

  /// For tests: the negotiated encoding and the effective settings.
  PositionEncoding encoding() const { return Encoding; }
  const Settings &settings() const { return Current; }
  /// For tests: the text the server holds for \p Uri ("" if not open).
  std::string documentText(llvm::StringRef Uri) const;
  /// For tests: how many lints ran (published or dropped).
  unsigned lintCount() const { return Lints; }
  unsigned workspaceBuilds() const { return Builds; }
  /// For tests: chunks read by the last lint of \p Uri (0: linted whole).
  unsigned lastChunksLinted(llvm::StringRef Uri) const;

private:
  struct Document;
  struct Stamp {
    bool Exists = false;
    int64_t MTime = 0;
    uint64_t Size = 0;
    bool operator!=(const Stamp &O) const {
      return Exists != O.Exists || MTime != O.MTime || Size != O.Size;
    }
  };

  // Messages.
  void send(const json &Msg);
  void reply(const json &Id, json Result);
  void replyError(const json &Id, int Code, llvm::StringRef Message);
  void notify(llvm::StringRef Method, json Params);
  void request(llvm::StringRef Method, json Params, llvm::StringRef Purpose);
  void showMessage(int Type, llvm::StringRef Message);
  void log(LogLevel L, const llvm::Twine &Message);

  void handleRequest(const json &Id, llvm::StringRef Method,
                     const json &Params);
  void handleNotification(llvm::StringRef Method, const json &Params,
                          Clock::time_point Now);
  void handleResponse(const json &Msg);

  json initialize(const json &Params);
  void initialized();
  void didOpen(const json &Params, Clock::time_point Now);
  void didChange(const json &Params, Clock::time_point Now);
  void didSave(const json &Params, Clock::time_point Now);
  void didClose(const json &Params);
  void didChangeConfiguration(const json &Params, Clock::time_point Now);
  void didChangeWatchedFiles(const json &Params, Clock::time_point Now);
  json codeAction(const json &Params, bool &Ok);
  json hover(const json &Params, bool &Ok);
  json executeCommand(const json &Params, bool &Ok);

  // Settings and workspace.
  void setSettingsSection(const json *Section, Clock::time_point Now);
  void pullConfiguration();
  void registerWatchers();
  void buildWorkspace();
  void reportWorkspaceErrors(llvm::Error E, bool Fatal);
  bool configsChanged(llvm::StringRef DocPath);
  void recordStamps(llvm::StringRef DocPath);
  std::string docsUrl(llvm::StringRef RuleId) const;
  void relintAll(Clock::time_point Now);

  // Documents.
  Document *find(llvm::StringRef Uri);
  void schedule(Document &D, Clock::time_point Due);
  void lint(Document &D);
  void publish(const Document &D);
  void publishEmpty(llvm::StringRef Uri, llvm::Optional<int64_t> Version);
  void appendDiagnosticHead(std::string &Out, const LineIndex &Lines,
                            size_t Offset, size_t Length,
                            int64_t Version) const;
  void appendDiagnosticTail(std::string &Out, const Diagnostic &Diag) const;
  json diagnosticJson(const Document &D, const LineIndex &Lines,
                      const Diagnostic &Diag) const;
  std::string pathFor(llvm::StringRef Uri) const;
  const Rule *ruleFor(llvm::StringRef Id) const;
  void ensureLinted(Document &D);
  const std::vector<Diagnostic> &diagnostics(Document &D);

  ServerOptions Opts;
  Sender Send;
  llvm::raw_ostream &Log;

  bool Initialized = false, ShutdownReceived = false, Exited = false;
  PositionEncoding Encoding = PositionEncoding::Utf16;
  std::string Root; ///< workspace root folder ("" until initialize)

  // What the client can do.
  bool CanPullConfig = false, CanWatchFiles = false, DocumentChanges = false,
       HoverMarkdown = true;

  json InitSection = json::object(); ///< from initializationOptions
  json PushedSection;                ///< last section pushed or pulled
  Settings Current;

  std::unique_ptr<Workspace> WS;
  bool WorkspaceStale = true;
  unsigned Builds = 0, Generation = 0, Lints = 0;
  std::map<std::string, Stamp> Stamps; ///< config file candidates
  std::vector<std::string> ConfigDiagUris;
  std::string LastErrorShown;

  std::map<std::string, std::unique_ptr<Document>> Docs;
  std::string PublishBuffer; ///< reused: a big page's publish is 100s of KiB
  int64_t NextRequestId = 1;
  std::map<int64_t, std::string> Pending; ///< request id -> purpose
};

/// The file type a language id implies, or None for ids it does not know.
llvm::Optional<FileType> fileTypeForLanguage(llvm::StringRef LanguageId);

} // namespace lsp
} // namespace claimlint

#endif // CLAIMLINT_LSP_SERVER_H
