//===- LSP/Server.cpp - The claimlint language server ---------------------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

#include "LSP/Server.h"

#include "Engine/Config.h"
#include "Support/Error.h"
#include "Support/LineIndex.h"

#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <algorithm>
#include <ctime>

#include "LSP/Fixes.h"
#include "LSP/Incremental.h"
#include "LSP/Uri.h"

namespace claimlint {
namespace lsp {

namespace {

std::string todayUtc() {
  std::time_t Now = std::time(nullptr);
  std::tm Tm{};
  gmtime_r(&Now, &Tm);
  char Buf[16];
  std::strftime(Buf, sizeof(Buf), "%Y-%m-%d", &Tm);
  return Buf;
}

int lspSeverity(Severity S) {
  switch (S) {
  case Severity::Error:
    return 1;
  case Severity::Warning:
    return 2;
  case Severity::Info:
    return 3;
  }
  return 3;
}

bool validId(const json &Id) {
  return Id.is_string() || Id.is_number_integer() || Id.is_number_unsigned();
}

std::string absoluteIn(llvm::StringRef Base, llvm::StringRef P) {
  llvm::SmallString<256> Out;
  if (llvm::sys::path::is_absolute(P) || Base.empty()) {
    Out = P;
    llvm::sys::fs::make_absolute(Out);
  } else {
    Out = Base;
    llvm::sys::path::append(Out, P);
  }
  llvm::sys::path::remove_dots(Out, true);
  return std::string(Out);
}

bool globMatches(llvm::StringRef Glob, llvm::StringRef Id) {
  return Glob == Id || matchGlob(Glob, Id);
}

double msSince(Server::Clock::time_point T) {
  return std::chrono::duration<double, std::milli>(Server::Clock::now() - T)
      .count();
}

} // namespace

llvm::Optional<FileType> fileTypeForLanguage(llvm::StringRef Id) {
  return llvm::StringSwitch<llvm::Optional<FileType>>(Id.lower())
      .Cases("markdown", "gfm", "md", "commonmark", FileType::Markdown)
      .Cases("html", "mhtml", "xhtml", "htm", FileType::Html)
      .Cases("plaintext", "text", "txt", "plain", FileType::Text)
      .Default(llvm::None);
}

struct Server::Document {
  std::string Uri, Path, LanguageId;
  int64_t Version = 0;
  std::string Text;
  bool Pending = false;
  Clock::time_point Due;
  bool Linted = false; ///< Result belongs to Text
  LintResult Result;
  bool Materialized = false; ///< Diags holds Result's findings
  std::vector<Diagnostic> Diags;
  unsigned SettingsGeneration = ~0u;
  FileSettings FS;
  bool Ignored = false;
  std::unique_ptr<IncrementalLinter> Inc;
};

unsigned Server::lastChunksLinted(llvm::StringRef Uri) const {
  auto It = Docs.find(Uri.str());
  if (It == Docs.end() || !It->second->Inc)
    return 0;
  return It->second->Inc->lastChunks() ? It->second->Inc->lastLinted() : 0;
}

Server::Server(ServerOptions O, Sender S, llvm::raw_ostream &L)
    : Opts(std::move(O)), Send(std::move(S)), Log(L) {}

Server::~Server() = default;

//===-- Messages ----------------------------------------------------------===//

void Server::log(LogLevel L, const llvm::Twine &Message) {
  if (static_cast<int>(L) > static_cast<int>(Opts.Level))
    return;
  Log << "claimlint-lsp: " << Message << '\n';
  Log.flush();
}

void Server::send(const json &Msg) { Send(dumpJson(Msg)); }

void Server::reply(const json &Id, json Result) {
  send({{"jsonrpc", "2.0"}, {"id", Id}, {"result", std::move(Result)}});
}

void Server::replyError(const json &Id, int Code, llvm::StringRef Message) {
  log(LogLevel::Info, "error " + llvm::Twine(Code) + ": " + Message);
  send({{"jsonrpc", "2.0"},
        {"id", Id},
        {"error", {{"code", Code}, {"message", Message.str()}}}});
}

void Server::notify(llvm::StringRef Method, json Params) {
  send({{"jsonrpc", "2.0"},
        {"method", Method.str()},
        {"params", std::move(Params)}});
}

void Server::request(llvm::StringRef Method, json Params,
                     llvm::StringRef Purpose) {
  int64_t Id = NextRequestId++;
  Pending[Id] = Purpose.str();
  send({{"jsonrpc", "2.0"},
        {"id", Id},
        {"method", Method.str()},
        {"params", std::move(Params)}});
}

void Server::showMessage(int Type, llvm::StringRef Message) {
  log(Type == 1 ? LogLevel::Error : LogLevel::Info, Message);
  notify("window/showMessage",
         {{"type", Type}, {"message", "claimlint: " + Message.str()}});
}

void Server::handleFramingError(llvm::StringRef What) {
  replyError(nullptr, ParseError, What);
}

void Server::handleMessage(const json &Msg, Clock::time_point Now) {
  if (!Msg.is_object()) {
    replyError(nullptr, InvalidRequest,
               Msg.is_array() ? "batch messages are not supported"
                              : "a message must be a JSON object");
    return;
  }
  const json *IdP = member(Msg, "id");
  const json *MethodP = member(Msg, "method");
  json Id = IdP ? *IdP : json(nullptr);
  if (IdP && !validId(*IdP) && !IdP->is_null()) {
    replyError(nullptr, InvalidRequest, "'id' must be a number or a string");
    return;
  }
  if (!MethodP) {
    if (IdP && (member(Msg, "result") || member(Msg, "error"))) {
      handleResponse(Msg);
      return;
    }
    replyError(Id, InvalidRequest, "message has no 'method'");
    return;
  }
  if (!MethodP->is_string()) {
    if (IdP)
      replyError(Id, InvalidRequest, "'method' must be a string");
    return;
  }
  const std::string &Method = MethodP->get_ref<const std::string &>();
  llvm::Optional<std::string> Version = stringMember(Msg, "jsonrpc");
  if (!Version || *Version != "2.0") {
    if (IdP)
      replyError(Id, InvalidRequest, "'jsonrpc' must be \"2.0\"");
    return;
  }
  const json *ParamsP = member(Msg, "params");
  static const json NoParams = json::object();
  const json &Params = ParamsP && !ParamsP->is_null() ? *ParamsP : NoParams;
  log(LogLevel::Debug, "<- " + llvm::Twine(Method) + (IdP ? " (request)" : ""));

  if (Method == "exit") {
    Exited = true;
    return;
  }
  if (!Initialized) {
    if (Method == "initialize" && IdP) {
      Initialized = true;
      reply(Id, initialize(Params));
    } else if (IdP) {
      replyError(Id, ServerNotInitialized, "the server is not initialized");
    }
    return;
  }
  if (ShutdownReceived) {
    if (IdP)
      replyError(Id, InvalidRequest, "the server is shutting down");
    return;
  }
  if (IdP)
    handleRequest(Id, Method, Params);
  else
    handleNotification(Method, Params, Now);
}

void Server::handleRequest(const json &Id, llvm::StringRef Method,
                           const json &Params) {
  bool Ok = true;
  json Result;
  if (Method == "initialize") {
    replyError(Id, InvalidRequest, "initialize may be sent only once");
    return;
  }
  if (Method == "shutdown") {
    ShutdownReceived = true;
    reply(Id, nullptr);
    return;
  }
  if (Method == "textDocument/codeAction")
    Result = codeAction(Params, Ok);
  else if (Method == "textDocument/hover")
    Result = hover(Params, Ok);
  else if (Method == "workspace/executeCommand")
    Result = executeCommand(Params, Ok);
  else {
    replyError(Id, MethodNotFound, "unknown method '" + Method.str() + "'");
    return;
  }
  if (!Ok) {
    replyError(Id, InvalidParams,
               Result.is_string() ? Result.get<std::string>()
                                  : std::string("invalid params"));
    return;
  }
  reply(Id, std::move(Result));
}

void Server::handleNotification(llvm::StringRef Method, const json &Params,
                                Clock::time_point Now) {
  if (Method == "initialized")
    initialized();
  else if (Method == "textDocument/didOpen")
    didOpen(Params, Now);
  else if (Method == "textDocument/didChange")
    didChange(Params, Now);
  else if (Method == "textDocument/didSave")
    didSave(Params, Now);
  else if (Method == "textDocument/didClose")
    didClose(Params);
  else if (Method == "workspace/didChangeConfiguration")
    didChangeConfiguration(Params, Now);
  else if (Method == "workspace/didChangeWatchedFiles")
    didChangeWatchedFiles(Params, Now);
  else if (Method.startswith("$/") ||
           Method == "workspace/didChangeWorkspaceFolders" ||
           Method == "textDocument/willSave")
    return; // nothing to do
  else
    log(LogLevel::Info, "ignored unknown notification '" + Method + "'");
}

void Server::handleResponse(const json &Msg) {
  const json *IdP = member(Msg, "id");
  llvm::Optional<int64_t> Id = IdP ? asInt(*IdP) : llvm::None;
  auto It = Id ? Pending.find(*Id) : Pending.end();
  if (It == Pending.end()) {
    log(LogLevel::Info, "response to an unknown request");
    return;
  }
  std::string Purpose = It->second;
  Pending.erase(It);
  if (const json *E = member(Msg, "error")) {
    log(LogLevel::Info, Purpose + " request failed: " + dumpJson(*E));
    return;
  }
  if (Purpose == "configuration") {
    const json *R = member(Msg, "result");
    if (R && R->is_array() && !R->empty()) {
      const json &First = (*R)[0];
      json Section = First.is_object() ? First : json::object();
      if (const json *Inner = objectMember(Section, "claimlint"))
        Section = *Inner;
      setSettingsSection(&Section, Clock::now());
    }
  }
}

//===-- Lifecycle and settings --------------------------------------------===//

json Server::initialize(const json &Params) {
  const json *CapsP = objectMember(Params, "capabilities");
  static const json NoCaps = json::object();
  const json &Caps = CapsP ? *CapsP : NoCaps;
  Encoding = negotiateEncoding(Caps);
  if (const json *V = path(Caps, {"workspace", "configuration"}))
    CanPullConfig = V->is_boolean() && V->get<bool>();
  if (const json *V = path(
          Caps, {"workspace", "didChangeWatchedFiles", "dynamicRegistration"}))
    CanWatchFiles = V->is_boolean() && V->get<bool>();
  if (const json *V =
          path(Caps, {"workspace", "workspaceEdit", "documentChanges"}))
    DocumentChanges = V->is_boolean() && V->get<bool>();
  if (const json *V = path(Caps, {"textDocument", "hover", "contentFormat"}))
    if (V->is_array()) {
      HoverMarkdown = false;
      for (const json &F : *V)
        if (F.is_string() && F.get_ref<const std::string &>() == "markdown")
          HoverMarkdown = true;
    }

  // The workspace root: rootUri, rootPath, the first folder, or the cwd.
  llvm::Optional<std::string> RootPath;
  if (llvm::Optional<std::string> U = stringMember(Params, "rootUri"))
    RootPath = uriToPath(*U);
  if (!RootPath)
    RootPath = stringMember(Params, "rootPath");
  if (!RootPath)
    if (const json *F = arrayMember(Params, "workspaceFolders"))
      if (!F->empty())
        if (llvm::Optional<std::string> U = stringMember((*F)[0], "uri"))
          RootPath = uriToPath(*U);
  if (!RootPath || RootPath->empty()) {
    llvm::SmallString<256> Cwd;
    llvm::sys::fs::current_path(Cwd);
    RootPath = std::string(Cwd);
  }
  Root = absoluteIn("", *RootPath);

  if (const json *Init = member(Params, "initializationOptions"))
    if (const json *Sec = settingsSection(*Init))
      InitSection = *Sec;
  std::vector<std::string> Warnings;
  Current = applySettings(Settings(), InitSection, Warnings);
  for (const std::string &W : Warnings)
    showMessage(2, W);
  log(LogLevel::Info,
      "initialized: root " + Root + ", positions " + encodingName(Encoding));

  json Commands = json::array({"claimlint.reload", "claimlint.documentText"});
  return {
      {"capabilities",
       {{"positionEncoding", encodingName(Encoding).str()},
        {"textDocumentSync",
         {{"openClose", true},
          {"change", 2},
          {"save", {{"includeText", false}}}}},
        {"codeActionProvider",
         {{"codeActionKinds", json::array({"quickfix"})},
          {"resolveProvider", false}}},
        {"hoverProvider", true},
        {"executeCommandProvider", {{"commands", Commands}}},
        {"workspace",
         {{"workspaceFolders",
           {{"supported", true}, {"changeNotifications", true}}}}}}},
      {"serverInfo", {{"name", "claimlint-lsp"}, {"version", Opts.Version}}}};
}

void Server::initialized() {
  if (CanWatchFiles)
    registerWatchers();
  if (CanPullConfig)
    pullConfiguration();
}

void Server::registerWatchers() {
  json Watchers = json::array({{{"globPattern", "**/.claimlint.json"}}});
  for (const std::string &D : Current.RulesDirs)
    Watchers.push_back({{"globPattern", absoluteIn(Root, D) + "/**/*.json"}});
  for (const std::string &D : Opts.RulesDirs)
    Watchers.push_back({{"globPattern", absoluteIn("", D) + "/**/*.json"}});
  request("client/registerCapability",
          {{"registrations",
            json::array({{{"id", "claimlint-watch-configs"},
                          {"method", "workspace/didChangeWatchedFiles"},
                          {"registerOptions", {{"watchers", Watchers}}}}})}},
          "registerCapability");
}

void Server::pullConfiguration() {
  request("workspace/configuration",
          {{"items", json::array({{{"scopeUri", pathToUri(Root)},
                                   {"section", "claimlint"}}})}},
          "configuration");
}

void Server::setSettingsSection(const json *Section, Clock::time_point Now) {
  PushedSection = Section ? *Section : json::object();
  std::vector<std::string> Warnings;
  Settings Base = applySettings(Settings(), InitSection, Warnings);
  Warnings.clear(); // already reported at initialize
  Settings New = applySettings(Base, PushedSection, Warnings);
  for (const std::string &W : Warnings)
    showMessage(2, W);
  if (New == Current)
    return;
  Settings Old = Current;
  Current = New;
  // Settings the Workspace is built from need a rebuild; the rest only a
  // fresh look at each file's rule selection.
  if (Old.RulesDirs != New.RulesDirs || Old.ConfigPath != New.ConfigPath ||
      Old.NoConfig != New.NoConfig || Old.Profile != New.Profile ||
      Old.MinSeverity != New.MinSeverity ||
      Old.ShowQualified != New.ShowQualified ||
      Old.UseContext != New.UseContext || Old.Today != New.Today)
    WorkspaceStale = true;
  ++Generation;
  if (Old.RulesDirs != New.RulesDirs && CanWatchFiles)
    registerWatchers();
  log(LogLevel::Info, "settings changed");
  relintAll(Now);
}

void Server::didChangeConfiguration(const json &Params, Clock::time_point Now) {
  const json *S = member(Params, "settings");
  const json *Section = nullptr;
  if (S && S->is_object()) {
    if (const json *Inner = member(*S, "claimlint"))
      Section = Inner->is_object() ? Inner : nullptr;
    else if (!S->empty())
      Section = S;
  }
  if (!Section) {
    // Nothing pushed (eglot sends {}): ask, if the client answers.
    if (CanPullConfig)
      pullConfiguration();
    else
      relintAll(Now);
    return;
  }
  setSettingsSection(Section, Now);
}

void Server::didChangeWatchedFiles(const json &Params, Clock::time_point Now) {
  const json *Changes = arrayMember(Params, "changes");
  if (!Changes)
    return;
  for (const json &C : *Changes) {
    llvm::Optional<std::string> U = stringMember(C, "uri");
    if (U && llvm::StringRef(*U).endswith(".json")) {
      log(LogLevel::Info, "configuration or rule file changed: " + *U);
      WorkspaceStale = true;
    }
  }
  if (WorkspaceStale)
    relintAll(Now);
}

void Server::relintAll(Clock::time_point Now) {
  for (auto &KV : Docs)
    schedule(*KV.second, Now);
}

std::string Server::docsUrl(llvm::StringRef RuleId) const {
  std::string Base =
      Current.DocsBaseUrl.empty() ? Opts.DocsBaseUrl : Current.DocsBaseUrl;
  if (Base.empty() || RuleId.startswith("claimlint/"))
    return "";
  while (!Base.empty() && Base.back() == '/')
    Base.pop_back();
  return Base + "/" + RuleId.str() + ".md";
}

//===-- Workspace
//-----------------------------------------------------------===//

void Server::reportWorkspaceErrors(llvm::Error E, bool Fatal) {
  std::map<std::string, std::vector<json>> ByFile;
  std::map<std::string, std::string> FileText;
  std::vector<std::string> Messages;
  llvm::handleAllErrors(
      std::move(E),
      [&](const LocatedError &LE) {
        LineIndex Lines(LE.text());
        size_t Off = std::min(LE.offset(), LE.text().size());
        ByFile[LE.path()].push_back(
            {{"range", rangeJson(Lines, Off, Off, Encoding)},
             {"severity", 1},
             {"source", "claimlint"},
             {"message", LE.msg()}});
        LineIndex::Position P = Lines.position(Off);
        Messages.push_back(LE.path() + ":" + std::to_string(P.Line) + ":" +
                           std::to_string(P.Column) + ": " + LE.msg());
      },
      [&](const llvm::ErrorInfoBase &EI) { Messages.push_back(EI.message()); });
  for (auto &KV : ByFile) {
    std::string Uri = pathToUri(absoluteIn(Root, KV.first));
    notify("textDocument/publishDiagnostics",
           {{"uri", Uri}, {"diagnostics", KV.second}});
    if (std::find(ConfigDiagUris.begin(), ConfigDiagUris.end(), Uri) ==
        ConfigDiagUris.end())
      ConfigDiagUris.push_back(Uri);
  }
  std::string Text;
  for (size_t I = 0; I < Messages.size() && I < 3; ++I)
    Text += (I ? "; " : "") + Messages[I];
  if (Messages.size() > 3)
    Text += " (and " + std::to_string(Messages.size() - 3) + " more)";
  if (Fatal)
    Text += ". Linting without the broken configuration until it is fixed.";
  if (Text != LastErrorShown) {
    LastErrorShown = Text;
    showMessage(1, Text);
  }
}

void Server::recordStamps(llvm::StringRef DocPath) { configsChanged(DocPath); }

bool Server::configsChanged(llvm::StringRef DocPath) {
  std::vector<std::string> Candidates;
  if (!Current.ConfigPath.empty()) {
    Candidates.push_back(absoluteIn(Root, Current.ConfigPath));
  } else if (!Current.NoConfig) {
    llvm::StringRef Dir = llvm::sys::path::parent_path(DocPath);
    while (!Dir.empty()) {
      Candidates.push_back((Dir + "/.claimlint.json").str());
      llvm::StringRef Up = llvm::sys::path::parent_path(Dir);
      if (Up == Dir)
        break;
      Dir = Up;
    }
  }
  bool Changed = false;
  for (const std::string &C : Candidates) {
    Stamp S;
    llvm::sys::fs::file_status St;
    if (!llvm::sys::fs::status(C, St) && llvm::sys::fs::exists(St)) {
      S.Exists = true;
      S.Size = St.getSize();
      S.MTime = std::chrono::duration_cast<std::chrono::nanoseconds>(
                    St.getLastModificationTime().time_since_epoch())
                    .count();
    }
    auto It = Stamps.find(C);
    if (It == Stamps.end()) {
      Stamps[C] = S;
      Changed |= S.Exists; // a config the workspace has not seen
    } else if (It->second != S) {
      It->second = S;
      Changed = true;
    }
  }
  return Changed;
}

void Server::buildWorkspace() {
  auto Start = Clock::now();
  WorkspaceOptions WO;
  for (const std::string &D : Opts.RulesDirs)
    WO.RulesDirs.push_back(absoluteIn("", D));
  for (const std::string &D : Current.RulesDirs)
    WO.RulesDirs.push_back(absoluteIn(Root, D));
  if (!Current.ConfigPath.empty())
    WO.Config = absoluteIn(Root, Current.ConfigPath);
  WO.NoConfig = Current.NoConfig;
  WO.Profile = Current.Profile;
  WO.Lint.UseContext = Current.UseContext;
  WO.Lint.ShowQualified = Current.ShowQualified;
  WO.Lint.MinSeverity = Current.MinSeverity;
  WO.Lint.Today = !Current.Today.empty() ? Current.Today
                  : !Opts.Today.empty()  ? Opts.Today
                                         : todayUtc();

  std::vector<std::string> Files;
  Files.push_back(Root + "/.");
  for (auto &KV : Docs)
    Files.push_back(KV.second->Path);
  Stamps.clear();
  for (const std::string &F : Files)
    recordStamps(F);

  auto W = Workspace::create(WO, Files);
  if (!W) {
    reportWorkspaceErrors(W.takeError(), true);
    WorkspaceOptions Fallback = WO;
    Fallback.Config = llvm::None;
    Fallback.NoConfig = true;
    W = Workspace::create(Fallback, Files);
    if (!W) {
      llvm::consumeError(W.takeError());
      Fallback.RulesDirs = Opts.RulesDirs;
      Fallback.Profile.clear();
      W = Workspace::create(Fallback, Files);
    }
  } else {
    for (const std::string &U : ConfigDiagUris)
      notify("textDocument/publishDiagnostics",
             {{"uri", U}, {"diagnostics", json::array()}});
    ConfigDiagUris.clear();
    LastErrorShown.clear();
  }
  ++Builds;
  ++Generation;
  WorkspaceStale = false;
  if (!W) {
    reportWorkspaceErrors(W.takeError(), false);
    WS.reset();
    return;
  }
  WS = std::move(*W);
  for (const auto *List : {&Current.Enable, &Current.Disable})
    for (const std::string &G : *List)
      if (!WS->anyRuleMatches(G))
        showMessage(2, "no rule matches '" + G + "' (setting enable/disable)");
  log(LogLevel::Info,
      "loaded " + llvm::Twine(WS->rules().rules().size()) + " rules in " +
          llvm::Twine(static_cast<int>(msSince(Start))) + " ms");
}

const Rule *Server::ruleFor(llvm::StringRef Id) const {
  if (!WS)
    return nullptr;
  int I = WS->rules().find(Id);
  return I < 0 ? nullptr : &WS->rules().rules()[I];
}

//===-- Documents
//-----------------------------------------------------------===//

Server::Document *Server::find(llvm::StringRef Uri) {
  auto It = Docs.find(Uri.str());
  return It == Docs.end() ? nullptr : It->second.get();
}

std::string Server::documentText(llvm::StringRef Uri) const {
  auto It = Docs.find(Uri.str());
  return It == Docs.end() ? std::string() : It->second->Text;
}

std::string Server::pathFor(llvm::StringRef Uri) const {
  if (llvm::Optional<std::string> P = uriToPath(Uri))
    return *P;
  // untitled:Untitled-1 and the like: judged as a file in the root folder.
  llvm::StringRef Name = Uri.rsplit(':').second;
  Name = Name.rsplit('/').second.empty() ? Name : Name.rsplit('/').second;
  std::string Safe;
  for (char C : Name)
    Safe.push_back(C == '/' || C == '\\' || C == '\0' ? '_' : C);
  return Root + "/" + (Safe.empty() ? std::string("untitled") : Safe);
}

void Server::schedule(Document &D, Clock::time_point Due) {
  D.Pending = true;
  D.Due = Due;
}

llvm::Optional<Server::Clock::time_point> Server::nextDeadline() const {
  llvm::Optional<Clock::time_point> Best;
  if (ShutdownReceived || Exited)
    return Best;
  for (const auto &KV : Docs)
    if (KV.second->Pending && (!Best || KV.second->Due < *Best))
      Best = KV.second->Due;
  return Best;
}

void Server::runDue(Clock::time_point Now) {
  if (ShutdownReceived || Exited)
    return;
  std::vector<Document *> Due;
  for (auto &KV : Docs)
    if (KV.second->Pending && KV.second->Due <= Now)
      Due.push_back(KV.second.get());
  std::sort(Due.begin(), Due.end(), [](const Document *A, const Document *B) {
    return A->Due < B->Due;
  });
  for (Document *D : Due) {
    if (NewerChangeWaiting && NewerChangeWaiting(D->Uri))
      continue;
    lint(*D);
    if (NewerChangeWaiting && NewerChangeWaiting(D->Uri))
      continue; // stale already: the change that is waiting lints again
    publish(*D);
  }
}

void Server::lint(Document &D) {
  auto Start = Clock::now();
  D.Pending = false;
  D.Linted = true;
  ++Lints;
  D.Result = LintResult();
  D.Diags.clear();
  D.Materialized = false;
  if (!Current.Enabled)
    return;
  if (WorkspaceStale || !WS || configsChanged(D.Path)) {
    if (!WorkspaceStale && WS)
      log(LogLevel::Info, "a configuration file changed; reloading");
    buildWorkspace();
    // Every open document sees the new configuration.
    for (auto &KV : Docs)
      if (KV.second.get() != &D)
        schedule(*KV.second, Start);
  }
  if (!WS)
    return;
  if (D.SettingsGeneration != Generation) {
    D.FS = WS->settingsFor(D.Path, D.Ignored);
    if (llvm::Error E = WS->takeConfigErrors())
      reportWorkspaceErrors(std::move(E), false);
    if (llvm::Optional<FileType> T = fileTypeForLanguage(D.LanguageId))
      D.FS.Type = *T;
    const auto &All = WS->rules().rules();
    for (unsigned I = 0; I < All.size(); ++I) {
      for (const std::string &G : Current.Disable)
        if (globMatches(G, All[I].Id))
          D.FS.Enabled[I] = 0;
      for (const std::string &G : Current.Enable)
        if (globMatches(G, All[I].Id))
          D.FS.Enabled[I] = 1;
      for (const auto &KV : Current.SeverityOverrides)
        if (globMatches(KV.first, All[I].Id)) {
          if (KV.second == "off")
            D.FS.Enabled[I] = 0;
          else
            D.FS.Override[I] = parseSeverity(KV.second);
        }
    }
    auto Metas = metaRules();
    for (unsigned I = 0; I < Metas.size(); ++I) {
      for (const std::string &G : Current.Disable)
        if (globMatches(G, Metas[I].Id))
          D.FS.MetaEnabled[I] = 0;
      for (const std::string &G : Current.Enable)
        if (globMatches(G, Metas[I].Id))
          D.FS.MetaEnabled[I] = 1;
      for (const auto &KV : Current.SeverityOverrides)
        if (globMatches(KV.first, Metas[I].Id) && KV.second == "off")
          D.FS.MetaEnabled[I] = 0;
    }
    D.SettingsGeneration = Generation;
    D.Inc = std::make_unique<IncrementalLinter>(WS->rules(), WS->analyzer(),
                                                WS->linter().options());
  }
  if (D.Ignored)
    return;
  D.Result = D.Inc->lint(D.Path, D.Text, D.FS);
  log(LogLevel::Debug,
      "linted " + D.Uri + " v" + llvm::Twine(D.Version) + ": " +
          llvm::Twine(D.Result.size()) + " findings in " +
          llvm::Twine(static_cast<int>(msSince(Start) * 1000)) + " us");
}

void Server::appendDiagnosticHead(std::string &Out, const LineIndex &Lines,
                                  size_t Offset, size_t Length,
                                  int64_t Version) const {
  Position B = toPosition(Lines, Offset, Encoding);
  Position E = toPosition(Lines, Offset + Length, Encoding);
  Out += "{\"range\":{\"start\":{\"line\":";
  Out += std::to_string(B.Line);
  Out += ",\"character\":";
  Out += std::to_string(B.Character);
  Out += "},\"end\":{\"line\":";
  Out += std::to_string(E.Line);
  Out += ",\"character\":";
  Out += std::to_string(E.Character);
  Out += "}},\"data\":{\"version\":";
  Out += std::to_string(Version);
  Out += ",\"offset\":";
  Out += std::to_string(Offset);
  Out += ",";
}

void Server::appendDiagnosticTail(std::string &Out,
                                  const Diagnostic &Diag) const {
  // The rest of "data" (everything a fix needs; the server checks it against
  // the text it holds), then the diagnostic's own fields.
  Out += "\"rule\":";
  appendJsonString(Out, Diag.RuleId);
  Out += ",\"length\":" + std::to_string(Diag.Length) + ",\"match\":";
  appendJsonString(Out, Diag.Match);
  Out += ",\"status\":";
  appendJsonString(Out, claimStatusName(Diag.Status));
  if (!Diag.Suggestions.empty()) {
    Out += ",\"suggestions\":[";
    for (size_t I = 0; I < Diag.Suggestions.size(); ++I) {
      if (I)
        Out += ",";
      appendJsonString(Out, Diag.Suggestions[I]);
    }
    Out += "]";
  }
  Out += "},\"severity\":" + std::to_string(lspSeverity(Diag.Sev));
  Out += ",\"code\":";
  appendJsonString(Out, Diag.RuleId);
  std::string Url = docsUrl(Diag.RuleId);
  if (!Url.empty()) {
    Out += ",\"codeDescription\":{\"href\":";
    appendJsonString(Out, Url);
    Out += "}";
  }
  Out += ",\"source\":\"claimlint\",\"message\":";
  appendJsonString(Out, Diag.Message);
  Out += "}";
}

json Server::diagnosticJson(const Document &D, const LineIndex &Lines,
                            const Diagnostic &Diag) const {
  std::string S;
  appendDiagnosticHead(S, Lines, Diag.Offset, Diag.Length, D.Version);
  appendDiagnosticTail(S, Diag);
  return parseJson(S).getValueOr(json());
}

void Server::publish(const Document &D) {
  auto Start = Clock::now();
  LineIndex Lines(D.Text);
  std::string &Body = PublishBuffer;
  Body.assign("{\"jsonrpc\":\"2.0\",\"method\":"
              "\"textDocument/publishDiagnostics\",\"params\":{\"uri\":");
  appendJsonString(Body, D.Uri);
  Body += ",\"version\":" + std::to_string(D.Version) + ",\"diagnostics\":[";
  size_t Count = 0;
  std::string Tail;
  D.Result.forEach([&](const Diagnostic &Diag, uint32_t Base,
                       const LintChunk *Chunk, size_t Index) {
    if (Count++)
      Body += ",";
    appendDiagnosticHead(Body, Lines, Base + Diag.Offset, Diag.Length,
                         D.Version);
    if (!Chunk) {
      appendDiagnosticTail(Body, Diag);
      return;
    }
    // A chunk's findings serialise the same until its text changes (and a
    // settings change makes new chunks).
    if (Chunk->Cache.size() != Chunk->Diags.size())
      Chunk->Cache.assign(Chunk->Diags.size(), std::string());
    std::string &T = Chunk->Cache[Index];
    if (T.empty())
      appendDiagnosticTail(T, Diag);
    Body += T;
  });
  Body += "]}}";
  double Built = msSince(Start);
  Send(Body);
  log(LogLevel::Debug,
      "published " + llvm::Twine(Count) + " findings (" +
          llvm::Twine(Body.size() / 1024) + " KiB) in " +
          llvm::Twine(static_cast<int>(msSince(Start) * 1000)) + " us (" +
          llvm::Twine(static_cast<int>(Built * 1000)) + " us to build)");
}

void Server::publishEmpty(llvm::StringRef Uri,
                          llvm::Optional<int64_t> Version) {
  json P = {{"uri", Uri.str()}, {"diagnostics", json::array()}};
  if (Version)
    P["version"] = *Version;
  notify("textDocument/publishDiagnostics", std::move(P));
}

const std::vector<Diagnostic> &Server::diagnostics(Document &D) {
  if (!D.Materialized) {
    D.Diags = D.Result.materialize(D.Text);
    D.Materialized = true;
  }
  return D.Diags;
}

void Server::ensureLinted(Document &D) {
  if (D.Linted)
    return;
  lint(D);
  publish(D);
}

void Server::didOpen(const json &Params, Clock::time_point Now) {
  const json *TD = objectMember(Params, "textDocument");
  llvm::Optional<std::string> Uri = TD ? stringMember(*TD, "uri") : llvm::None;
  llvm::Optional<std::string> Text =
      TD ? stringMember(*TD, "text") : llvm::None;
  if (!Uri || !Text) {
    log(LogLevel::Error, "didOpen without textDocument.uri and text");
    return;
  }
  auto D = std::make_unique<Document>();
  D->Uri = *Uri;
  D->Path = pathFor(*Uri);
  D->LanguageId = stringMember(*TD, "languageId").getValueOr("");
  D->Version = intMember(*TD, "version").getValueOr(0);
  D->Text = std::move(*Text);
  schedule(*D, Now);
  Docs[*Uri] = std::move(D);
}

void Server::didChange(const json &Params, Clock::time_point Now) {
  const json *TD = objectMember(Params, "textDocument");
  llvm::Optional<std::string> Uri = TD ? stringMember(*TD, "uri") : llvm::None;
  const json *Changes = arrayMember(Params, "contentChanges");
  Document *D = Uri ? find(*Uri) : nullptr;
  if (!D || !Changes) {
    log(LogLevel::Error, "didChange for a document that is not open, or "
                         "without contentChanges");
    return;
  }
  std::vector<ContentChange> List;
  for (const json &C : *Changes) {
    ContentChange CC;
    llvm::Optional<std::string> T = stringMember(C, "text");
    if (!T) {
      log(LogLevel::Error, "didChange: a change without text; ignored");
      return;
    }
    CC.Text = std::move(*T);
    if (const json *R = member(C, "range")) {
      CC.Where = parseRange(*R);
      if (!CC.Where) {
        log(LogLevel::Error, "didChange: a malformed range; ignored");
        return;
      }
    }
    List.push_back(std::move(CC));
  }
  applyChanges(D->Text, List, Encoding);
  if (llvm::Optional<int64_t> V = intMember(*TD, "version"))
    D->Version = *V;
  D->Linted = false;
  if (Current.Frequency == CheckFrequency::Edit)
    schedule(*D, Now + std::chrono::milliseconds(Current.DebounceMs));
}

void Server::didSave(const json &Params, Clock::time_point Now) {
  const json *TD = objectMember(Params, "textDocument");
  llvm::Optional<std::string> Uri = TD ? stringMember(*TD, "uri") : llvm::None;
  Document *D = Uri ? find(*Uri) : nullptr;
  if (!D)
    return;
  if (llvm::Optional<std::string> T = stringMember(Params, "text"))
    if (*T != D->Text) {
      D->Text = std::move(*T);
      D->Linted = false;
    }
  schedule(*D, Now);
}

void Server::didClose(const json &Params) {
  const json *TD = objectMember(Params, "textDocument");
  llvm::Optional<std::string> Uri = TD ? stringMember(*TD, "uri") : llvm::None;
  if (!Uri)
    return;
  Docs.erase(*Uri);
  publishEmpty(*Uri, llvm::None);
}

//===-- Requests
//------------------------------------------------------------===//

json Server::codeAction(const json &Params, bool &Ok) {
  const json *TD = objectMember(Params, "textDocument");
  llvm::Optional<std::string> Uri = TD ? stringMember(*TD, "uri") : llvm::None;
  const json *RangeP = member(Params, "range");
  llvm::Optional<Range> R = RangeP ? parseRange(*RangeP) : llvm::None;
  if (!Uri || !R) {
    Ok = false;
    return "codeAction needs textDocument.uri and range";
  }
  json Out = json::array();
  Document *D = find(*Uri);
  if (!D)
    return Out;
  const json *Ctx = objectMember(Params, "context");
  if (const json *Only = Ctx ? arrayMember(*Ctx, "only") : nullptr) {
    bool Wanted = false;
    for (const json &K : *Only)
      if (K.is_string()) {
        llvm::StringRef S = K.get_ref<const std::string &>();
        Wanted |= S.empty() || S == "quickfix";
      }
    if (!Wanted)
      return Out;
  }
  ensureLinted(*D);

  // Which findings: those the client names through our own "data" (its
  // ranges are not trusted: Neovim 0.7.2 sends byte columns as UTF-16), else
  // those the requested range touches.
  std::vector<size_t> Targets;
  auto Add = [&](size_t I) {
    if (std::find(Targets.begin(), Targets.end(), I) == Targets.end())
      Targets.push_back(I);
  };
  if (const json *CD = Ctx ? arrayMember(*Ctx, "diagnostics") : nullptr)
    for (const json &C : *CD) {
      const json *Data = objectMember(C, "data");
      llvm::Optional<std::string> Rule =
          Data ? stringMember(*Data, "rule") : llvm::None;
      if (!Rule)
        continue;
      int64_t Off = intMember(*Data, "offset").getValueOr(-1);
      int64_t Len = intMember(*Data, "length").getValueOr(-1);
      llvm::Optional<std::string> Match = stringMember(*Data, "match");
      long Best = -1;
      int64_t BestDist = INT64_MAX;
      const std::vector<Diagnostic> &All = diagnostics(*D);
      for (size_t I = 0; I < All.size(); ++I) {
        const Diagnostic &G = All[I];
        if (G.RuleId != *Rule)
          continue;
        if (G.Offset == Off && G.Length == Len &&
            (!Match || G.Match == *Match)) {
          Best = static_cast<long>(I);
          break;
        }
        // The text moved since: the same finding nearest to where it was.
        if (Match && G.Match == *Match) {
          int64_t Dist = std::abs(static_cast<int64_t>(G.Offset) - Off);
          if (Dist < BestDist) {
            BestDist = Dist;
            Best = static_cast<long>(I);
          }
        }
      }
      if (Best >= 0)
        Add(static_cast<size_t>(Best));
    }
  LineIndex Lines(D->Text);
  if (Targets.empty()) {
    size_t B = toOffset(Lines, R->Start, Encoding);
    size_t E = toOffset(Lines, R->End, Encoding);
    if (E < B)
      std::swap(B, E);
    const std::vector<Diagnostic> &All = diagnostics(*D);
    for (size_t I = 0; I < All.size(); ++I) {
      const Diagnostic &G = All[I];
      if (G.Offset <= E && G.Offset + G.Length >= B)
        Add(I);
    }
  }

  FixInput In;
  In.Text = D->Text;
  In.Type = D->FS.Type;
  In.Today = !Current.Today.empty() ? Current.Today
             : !Opts.Today.empty()  ? Opts.Today
                                    : todayUtc();
  for (size_t I : Targets) {
    const Diagnostic &G = diagnostics(*D)[I];
    In.R = ruleFor(G.RuleId);
    json DiagJ = diagnosticJson(*D, Lines, G);
    for (const Fix &F : fixesFor(G, In)) {
      json Edits = json::array();
      for (const TextEdit &E : F.Edits)
        Edits.push_back({{"range", rangeJson(Lines, E.Offset,
                                             E.Offset + E.Length, Encoding)},
                         {"newText", E.NewText}});
      json WE;
      if (DocumentChanges)
        WE = {{"documentChanges",
               json::array({{{"textDocument",
                              {{"uri", D->Uri}, {"version", D->Version}}},
                             {"edits", Edits}}})}};
      else
        WE = {{"changes", {{D->Uri, Edits}}}};
      json A = {{"title", F.Title},
                {"kind", "quickfix"},
                {"diagnostics", json::array({DiagJ})},
                {"edit", std::move(WE)}};
      if (F.Preferred)
        A["isPreferred"] = true;
      Out.push_back(std::move(A));
    }
  }
  return Out;
}

json Server::hover(const json &Params, bool &Ok) {
  const json *TD = objectMember(Params, "textDocument");
  llvm::Optional<std::string> Uri = TD ? stringMember(*TD, "uri") : llvm::None;
  const json *PosP = member(Params, "position");
  llvm::Optional<Position> P = PosP ? parsePosition(*PosP) : llvm::None;
  if (!Uri || !P) {
    Ok = false;
    return "hover needs textDocument.uri and position";
  }
  Document *D = find(*Uri);
  if (!D)
    return nullptr;
  ensureLinted(*D);
  LineIndex Lines(D->Text);
  size_t Off = toOffset(Lines, *P, Encoding);
  std::string Text;
  const Diagnostic *First = nullptr;
  for (const Diagnostic &G : diagnostics(*D)) {
    if (G.Offset > Off || G.Offset + G.Length < Off)
      continue;
    if (!Text.empty())
      Text += HoverMarkdown ? "\n\n---\n\n" : "\n\n";
    Text += hoverText(G, ruleFor(G.RuleId), docsUrl(G.RuleId), HoverMarkdown);
    if (!First)
      First = &G;
  }
  if (!First)
    return nullptr;
  return {
      {"contents",
       {{"kind", HoverMarkdown ? "markdown" : "plaintext"}, {"value", Text}}},
      {"range", rangeJson(Lines, First->Offset, First->Offset + First->Length,
                          Encoding)}};
}

json Server::executeCommand(const json &Params, bool &Ok) {
  llvm::Optional<std::string> Cmd = stringMember(Params, "command");
  if (!Cmd) {
    Ok = false;
    return "executeCommand needs a command";
  }
  if (*Cmd == "claimlint.reload") {
    WorkspaceStale = true;
    relintAll(Clock::now());
    return nullptr;
  }
  if (*Cmd == "claimlint.documentText") {
    const json *Args = arrayMember(Params, "arguments");
    const json *A0 = Args && !Args->empty() ? &(*Args)[0] : nullptr;
    Document *D = A0 && A0->is_string()
                      ? find(A0->get_ref<const std::string &>())
                      : nullptr;
    if (!D) {
      Ok = false;
      return "claimlint.documentText needs the URI of an open document";
    }
    return {{"uri", D->Uri}, {"version", D->Version}, {"text", D->Text}};
  }
  Ok = false;
  return "unknown command '" + *Cmd + "'";
}

} // namespace lsp
} // namespace claimlint
