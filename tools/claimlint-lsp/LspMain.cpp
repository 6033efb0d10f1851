//===- claimlint-lsp/LspMain.cpp - The language server's entry point ------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//
///
/// \file
/// claimlint-lsp speaks LSP 3.17 on stdin/stdout; everything else it says goes
/// to stderr. See docs/editors.md.
///
//===----------------------------------------------------------------------===//

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <csignal>
#include <string>
#include <unistd.h>
#include <vector>

#include "LSP/StdioLoop.h"
#include "LSP/Uri.h"
#include "Prebuilt/BuiltinTables.h"

#ifndef CLAIMLINT_VERSION
#define CLAIMLINT_VERSION "0.0.0"
#endif
#ifndef CLAIMLINT_LSP_DOCDIR
#define CLAIMLINT_LSP_DOCDIR ""
#endif
#ifndef CLAIMLINT_LSP_SOURCE_DOCDIR
#define CLAIMLINT_LSP_SOURCE_DOCDIR ""
#endif

using namespace claimlint;

namespace {

const char Usage[] =
    "usage: claimlint-lsp [--stdio] [options]\n"
    "\n"
    "The claimlint language server: LSP 3.17 over stdin and stdout.\n"
    "Settings come from the editor (see docs/editors.md).\n"
    "\n"
    "options:\n"
    "  --stdio               talk on stdin/stdout (the default and only mode)\n"
    "  --rules-dir DIR       also load the rule packs in DIR (repeatable)\n"
    "  --docs-base-url URL   base of rule documentation links\n"
    "                        (<URL>/<pack>/<rule>.md)\n"
    "  --today YYYY-MM-DD    the date evidence expiry is judged by\n"
    "  --log=LEVEL           error, info (default) or debug, on stderr\n"
    "  --version             print the version and exit\n"
    "  --help                print this help and exit\n";

/// The rule reference shipped with this binary, as a file: URL, or "".
std::string defaultDocsBase(const char *Argv0) {
  std::vector<std::string> Candidates;
  static int Anchor;
  std::string Exe = llvm::sys::fs::getMainExecutable(Argv0, &Anchor);
  if (!Exe.empty()) {
    llvm::SmallString<256> Dir(llvm::sys::path::parent_path(Exe));
    llvm::SmallString<256> Installed(Dir);
    llvm::sys::path::append(Installed, "..", "share", "doc");
    llvm::sys::path::append(Installed, "claimlint", "rules");
    llvm::sys::path::remove_dots(Installed, true);
    Candidates.push_back(std::string(Installed));
  }
  if (*CLAIMLINT_LSP_DOCDIR)
    Candidates.push_back(std::string(CLAIMLINT_LSP_DOCDIR) + "/rules");
  if (*CLAIMLINT_LSP_SOURCE_DOCDIR)
    Candidates.push_back(std::string(CLAIMLINT_LSP_SOURCE_DOCDIR) + "/rules");
  for (const std::string &C : Candidates)
    if (llvm::sys::fs::is_directory(C))
      return lsp::pathToUri(C);
  return "";
}

} // namespace

int main(int Argc, char **Argv) {
  claimlint::installBuiltinTables(); // start-up tables built at build time
  lsp::ServerOptions Opts;
  Opts.Version = CLAIMLINT_VERSION;
  bool DocsGiven = false;
  auto Fail = [](const std::string &Msg) {
    llvm::errs() << "claimlint-lsp: error: " << Msg
                 << " (try 'claimlint-lsp --help')\n";
    return 2;
  };
  for (int I = 1; I < Argc; ++I) {
    llvm::StringRef A = Argv[I];
    auto Value = [&](llvm::StringRef Name, std::string &Out) {
      if (A.consume_front(Name)) {
        if (A.consume_front("=")) {
          Out = A.str();
          return true;
        }
        if (A.empty() && I + 1 < Argc) {
          Out = Argv[++I];
          return true;
        }
      }
      return false;
    };
    std::string V;
    if (A == "--stdio") {
      continue;
    } else if (A == "--help" || A == "-h") {
      llvm::outs() << Usage;
      return 0;
    } else if (A == "--version") {
      llvm::outs() << "claimlint-lsp " << CLAIMLINT_VERSION << '\n';
      return 0;
    } else if (Value("--rules-dir", V)) {
      Opts.RulesDirs.push_back(V);
    } else if (Value("--docs-base-url", V)) {
      Opts.DocsBaseUrl = V;
      DocsGiven = true;
    } else if (Value("--today", V)) {
      Opts.Today = V;
    } else if (Value("--log", V) || Value("--log-level", V)) {
      if (V == "error")
        Opts.Level = lsp::LogLevel::Error;
      else if (V == "info")
        Opts.Level = lsp::LogLevel::Info;
      else if (V == "debug" || V == "verbose")
        Opts.Level = lsp::LogLevel::Debug;
      else
        return Fail("unknown log level '" + V + "'");
    } else if (A.startswith("--clientProcessId") || A == "--node-ipc") {
      // Arguments some clients add; harmless.
      if (A == "--clientProcessId" && I + 1 < Argc)
        ++I;
    } else {
      return Fail("unknown argument '" + A.str() + "'");
    }
  }
  if (!DocsGiven)
    Opts.DocsBaseUrl = defaultDocsBase(Argv[0]);

  // The protocol owns the real stdout; anything else that writes to fd 1 by
  // mistake lands on stderr.
  std::signal(SIGPIPE, SIG_IGN);
  int Out = ::dup(1);
  if (Out < 0 || ::dup2(2, 1) < 0) {
    llvm::errs() << "claimlint-lsp: error: cannot set up stdout\n";
    return 2;
  }
  return lsp::runStdioServer(0, Out, std::move(Opts), llvm::errs());
}
