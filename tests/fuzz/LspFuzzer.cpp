//===- fuzz/LspFuzzer.cpp - LSP framing and message handling --------------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//
//
// The input is the byte stream a client writes to the server. It is framed
// twice, in one piece and in small chunks, and both must give the same
// messages. The messages then drive a Server (its clock is simulated, so the
// debounced lints run at the end). Every message the server sends must be
// JSON-RPC 2.0 that survives framing; a response has exactly one of result
// and error; every published diagnostic range must lie inside the document.
//
// Messages naming /dev, /proc or /sys are skipped: settings may point the
// server at files, and reading /dev/zero is not the bug we are after.
//
//===----------------------------------------------------------------------===//

#include <vector>

#include "FuzzCommon.h"
#include "LSP/Position.h"
#include "LSP/Server.h"
#include "LSP/Transport.h"

using namespace claimlint;
using namespace claimlint::lsp;

namespace {

struct Framed {
  std::vector<json> Messages;
  unsigned Errors = 0;
  bool Partial = false;
};

Framed frame(llvm::StringRef In, size_t Chunk) {
  Framed F;
  MessageReader R;
  for (size_t I = 0; I < In.size(); I += Chunk) {
    R.feed(In.substr(I, Chunk));
    while (auto M = R.next()) {
      if (M->Ok)
        F.Messages.push_back(std::move(M->Value));
      else
        ++F.Errors;
    }
  }
  F.Partial = R.hasPartialMessage();
  return F;
}

bool touchesSystemPaths(const json &V) {
  if (V.is_string()) {
    const std::string &S = V.get_ref<const std::string &>();
    return S.find("/dev") != std::string::npos ||
           S.find("/proc") != std::string::npos ||
           S.find("/sys") != std::string::npos;
  }
  if (V.is_object())
    for (auto It = V.begin(); It != V.end(); ++It)
      if (touchesSystemPaths(It.key()) || touchesSystemPaths(*It))
        return true;
  if (V.is_array())
    for (const json &E : V)
      if (touchesSystemPaths(E))
        return true;
  return false;
}

void checkOutgoing(const std::string &Text) {
  json M = json::parse(Text, nullptr, false);
  FUZZ_CHECK(!M.is_discarded() && M.is_object(),
             "the server sent something that is not a JSON object: " +
                 Text.substr(0, 200));
  FUZZ_CHECK(M.value("jsonrpc", "") == "2.0", "message without jsonrpc 2.0");
  if (!M.contains("method")) {
    FUZZ_CHECK(M.contains("id"), "a response without an id");
    FUZZ_CHECK(M.contains("result") != M.contains("error"),
               "a response needs exactly one of result and error: " + Text);
    if (M.contains("error")) {
      const json &E = M["error"];
      FUZZ_CHECK(E.is_object() && E.contains("code") &&
                     E["code"].is_number_integer() && E.contains("message") &&
                     E["message"].is_string(),
                 "a malformed error object: " + Text);
    }
  }
  // What we send must frame and read back unchanged.
  MessageReader R;
  R.feed(frameBody(Text));
  auto Back = R.next();
  FUZZ_CHECK(Back && Back->Ok && Back->Value == M,
             "a sent message does not survive framing");
}

void checkPosition(const json &P, const LineIndex &Lines, ColumnUnit Unit,
                   Position &Out) {
  FUZZ_CHECK(P.is_object() && P.contains("line") && P.contains("character") &&
                 P["line"].is_number_integer() &&
                 P["character"].is_number_integer(),
             "a malformed position: " + P.dump());
  Out.Line = P["line"].get<int64_t>();
  Out.Character = P["character"].get<int64_t>();
  FUZZ_CHECK(Out.Line >= 0 && Out.Line < int64_t(Lines.lineCount()),
             "a position past the last line: " + P.dump());
  llvm::StringRef Line = Lines.lineText(static_cast<unsigned>(Out.Line + 1));
  FUZZ_CHECK(Out.Character >= 0 &&
                 size_t(Out.Character) <= countUnits(Line, Unit),
             "a position past the end of its line: " + P.dump());
}

void checkPublished(const std::string &Text, const Server &S) {
  json M = json::parse(Text, nullptr, false);
  if (M.value("method", "") != "textDocument/publishDiagnostics")
    return;
  const json &P = M["params"];
  FUZZ_CHECK(P.is_object() && P.contains("uri") && P["uri"].is_string() &&
                 P.contains("diagnostics") && P["diagnostics"].is_array(),
             "malformed publishDiagnostics");
  std::string Doc = S.documentText(P["uri"].get<std::string>());
  LineIndex Lines(Doc);
  ColumnUnit Unit = columnUnit(S.encoding());
  for (const json &D : P["diagnostics"]) {
    FUZZ_CHECK(D.is_object() && D.contains("range") && D["range"].is_object(),
               "a diagnostic without a range");
    Position B, E;
    checkPosition(D["range"]["start"], Lines, Unit, B);
    checkPosition(D["range"]["end"], Lines, Unit, E);
    FUZZ_CHECK(B.Line < E.Line ||
                   (B.Line == E.Line && B.Character <= E.Character),
               "an inverted range: " + D["range"].dump());
  }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::StringRef In(reinterpret_cast<const char *>(Data), Size);
  Framed Whole = frame(In, In.size() ? In.size() : 1);
  Framed Chunked = frame(In, 1 + Size % 7);
  FUZZ_CHECK(Whole.Messages == Chunked.Messages,
             "chunking changed the messages read");
  FUZZ_CHECK(Whole.Errors == Chunked.Errors,
             "chunking changed the framing errors: " + fuzz::str(Whole.Errors) +
                 " vs " + fuzz::str(Chunked.Errors));
  FUZZ_CHECK(Whole.Partial == Chunked.Partial,
             "chunking changed whether a message is left partial");

  std::vector<std::string> Sent;
  std::string LogText;
  llvm::raw_string_ostream Log(LogText);
  ServerOptions O;
  O.Today = "2024-01-01";
  O.RulesDirs.push_back(CLAIMLINT_FUZZ_PACK_DIR);
  O.Level = LogLevel::Error;
  Server S(
      O, [&](const std::string &M) { Sent.push_back(M); }, Log);
  Server::Clock::time_point Now{};
  for (const json &M : Whole.Messages) {
    if (S.exited())
      break;
    if (touchesSystemPaths(M))
      continue;
    Now += std::chrono::milliseconds(5);
    S.handleMessage(M, Now);
  }
  for (unsigned I = 0; I < Whole.Errors && !S.exited(); ++I)
    S.handleFramingError("fuzz: bytes that were not a message");
  for (const std::string &M : Sent)
    checkOutgoing(M);
  size_t Before = Sent.size();
  if (!S.exited())
    S.runDue(Now + std::chrono::hours(1));
  for (size_t I = Before; I < Sent.size(); ++I) {
    checkOutgoing(Sent[I]);
    checkPublished(Sent[I], S);
  }
  return 0;
}
