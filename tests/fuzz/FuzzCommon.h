//===- fuzz/FuzzCommon.h - Invariants the fuzz targets check ----*- C++ -*-===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Shared by every fuzz target: the built-in rules and lexicon loaded once,
/// and the invariants a result must satisfy whatever the input. A broken
/// invariant prints what broke and aborts, which libFuzzer (and the replay
/// driver) records as a crash with the input that caused it.
///
/// The invariants: every span lies inside the file; the prose map is
/// monotonic (a later prose byte never maps before an earlier one); blocks
/// are non-empty, trimmed and '\n'-separated; findings are sorted, their
/// line/column agree with their offset and their match is the source text
/// at that offset; on valid UTF-8 no span starts or ends inside a
/// character; every JSON output parses and repeats the offsets.
///
//===----------------------------------------------------------------------===//

#ifndef CLAIMLINT_TESTS_FUZZ_FUZZCOMMON_H
#define CLAIMLINT_TESTS_FUZZ_FUZZCOMMON_H

#include "Engine/Linter.h"
#include "Engine/Workspace.h"
#include "Markup/Prose.h"
#include "Output/Emitter.h"
#include "Support/LineIndex.h"

#include "llvm/ADT/Hashing.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/ConvertUTF.h"
#include "llvm/Support/raw_ostream.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

namespace claimlint {
namespace fuzz {

/// Reports a broken invariant and aborts.
[[noreturn]] inline void fail(const std::string &Why) {
  std::fprintf(stderr, "\nclaimlint fuzz invariant broken: %s\n", Why.c_str());
  std::fflush(stderr);
  std::abort();
}

#define FUZZ_CHECK(Cond, Why)                                                  \
  do {                                                                         \
    if (!(Cond))                                                               \
      ::claimlint::fuzz::fail(std::string(#Cond) + ": " + (Why));              \
  } while (false)

inline std::string str(uint64_t V) { return std::to_string(V); }

/// The built-in rule packs, the fuzz pack (tests/fuzz/pack: one rule of
/// each shape, so matching is exercised whatever the built-in packs hold)
/// and the lexicon, as the CLI loads them with --no-config, built once.
inline Workspace &builtinWorkspace() {
  static std::unique_ptr<Workspace> WS = [] {
    WorkspaceOptions O;
    O.NoConfig = true;
    O.RulesDirs.push_back(CLAIMLINT_FUZZ_PACK_DIR);
    O.Lint.Today = "2024-01-01";
    O.Lint.ShowQualified = true; // judge and report every claim
    auto W = Workspace::create(O);
    if (!W)
      fail("cannot load the built-in rules: " + llvm::toString(W.takeError()));
    return std::move(*W);
  }();
  return *WS;
}

inline bool isValidUtf8(llvm::StringRef S) {
  const auto *B = reinterpret_cast<const llvm::UTF8 *>(S.begin());
  return llvm::isLegalUTF8String(&B,
                                 reinterpret_cast<const llvm::UTF8 *>(S.end()));
}

inline bool isContinuationByte(llvm::StringRef S, uint32_t Offset) {
  return Offset < S.size() &&
         (static_cast<unsigned char>(S[Offset]) & 0xC0) == 0x80;
}

/// Checks the Prose a reader made of \p Text.
inline void checkProse(const Prose &P, llvm::StringRef Text) {
  const std::string &S = P.text();
  const uint64_t Size = Text.size();
  uint64_t ProseEnd = 0, OrigEnd = 0;
  for (const Prose::Piece &Pc : P.pieces()) {
    std::string At =
        " (piece at prose " + str(Pc.Prose) + ", source " + str(Pc.Orig) + ")";
    FUZZ_CHECK(Pc.Prose >= ProseEnd, "pieces out of prose order" + At);
    FUZZ_CHECK(Pc.Orig >= OrigEnd, "pieces out of source order" + At);
    FUZZ_CHECK(uint64_t(Pc.Orig) + Pc.OrigLen <= Size,
               "piece outside the file" + At);
    FUZZ_CHECK(uint64_t(Pc.Prose) + Pc.ProseLen <= S.size(),
               "piece outside the prose" + At);
    if (Pc.Verbatim) {
      FUZZ_CHECK(Pc.ProseLen == Pc.OrigLen, "verbatim piece changes size" + At);
      FUZZ_CHECK(S.compare(Pc.Prose, Pc.ProseLen, Text.data() + Pc.Orig,
                           Pc.OrigLen) == 0,
                 "verbatim piece differs from the source" + At);
    }
    ProseEnd = uint64_t(Pc.Prose) + Pc.ProseLen;
    OrigEnd = uint64_t(Pc.Orig) + Pc.OrigLen;
  }
  uint64_t Next = 0;
  for (const Block &B : P.blocks()) {
    std::string At = " (block at prose " + str(B.Text.Begin) + ")";
    FUZZ_CHECK(B.Text.Begin == Next, "blocks not contiguous" + At);
    FUZZ_CHECK(B.Text.End > B.Text.Begin, "empty block" + At);
    FUZZ_CHECK(B.Text.End < S.size(), "block past the prose" + At);
    FUZZ_CHECK(S[B.Text.End] == '\n', "block not ended by a newline" + At);
    llvm::StringRef T(S.data() + B.Text.Begin, B.Text.size());
    FUZZ_CHECK(!T.contains('\n'), "newline inside a block" + At);
    FUZZ_CHECK(T.front() != ' ' && T.back() != ' ', "untrimmed block" + At);
    Next = uint64_t(B.Text.End) + 1;
  }
  FUZZ_CHECK(Next == S.size(), "prose text outside every block");
  for (const Comment &C : P.comments()) {
    FUZZ_CHECK(C.Source.Begin <= C.Body.Begin && C.Body.Begin <= C.Body.End &&
                   C.Body.End <= C.Source.End && C.Source.End <= Size,
               "comment outside the file or its delimiters");
  }
  // The map: inside the file, monotonic, never inverted.
  uint32_t LastBegin = 0, LastEnd = 0;
  for (uint32_t I = 0; I < S.size(); ++I) {
    Range O = P.toOriginal({I, I + 1});
    std::string At = " (prose byte " + str(I) + " -> [" + str(O.Begin) + ", " +
                     str(O.End) + "))";
    FUZZ_CHECK(O.Begin <= O.End, "inverted range" + At);
    FUZZ_CHECK(O.End <= Size, "mapped past the end of the file" + At);
    FUZZ_CHECK(O.Begin >= LastBegin, "map not monotonic (begin)" + At);
    FUZZ_CHECK(O.End >= LastEnd, "map not monotonic (end)" + At);
    LastBegin = O.Begin;
    LastEnd = O.End;
    if (S[I] != '\n') {
      uint32_t Back = P.fromOriginal(O.Begin);
      FUZZ_CHECK(Back <= I + 1, "fromOriginal(toOriginal(p)) past p" + At);
    }
  }
  for (const Block &B : P.blocks()) {
    Range O = P.toOriginal(B.Text);
    FUZZ_CHECK(O.Begin <= O.End && O.End <= Size, "block maps outside");
  }
}

/// Checks one file's findings against its text.
inline void checkReport(const FileReport &R, llvm::StringRef Text) {
  FUZZ_CHECK(R.Text == Text, "the report's text is not the file");
  // The only file the linter refuses is UTF-16 (docs/reliability.md).
  if (!R.Error.empty()) {
    FUZZ_CHECK(Text.startswith("\xFF\xFE") || Text.startswith("\xFE\xFF"),
               "lint failed: " + R.Error);
    FUZZ_CHECK(R.Diags.empty(), "findings in a file that failed");
    return;
  }
  LineIndex Lines(Text);
  bool Utf8 = isValidUtf8(Text);
  const Diagnostic *Prev = nullptr;
  for (const Diagnostic &D : R.Diags) {
    std::string At =
        " (" + D.RuleId + " at " + str(D.Offset) + "+" + str(D.Length) + ")";
    FUZZ_CHECK(uint64_t(D.Offset) + D.Length <= Text.size(),
               "finding outside the file" + At);
    FUZZ_CHECK(D.Match == Text.substr(D.Offset, D.Length),
               "match is not the source text at the offset" + At);
    LineIndex::Position B = Lines.position(D.Offset);
    LineIndex::Position E = Lines.position(D.Offset + D.Length);
    FUZZ_CHECK(B.Line == D.Line && B.Column == D.Column,
               "line/column disagree with the offset" + At);
    FUZZ_CHECK(E.Line == D.EndLine && E.Column == D.EndColumn,
               "end line/column disagree with the offset" + At);
    if (Utf8) {
      FUZZ_CHECK(!isContinuationByte(Text, D.Offset),
                 "finding starts inside a UTF-8 character" + At);
      FUZZ_CHECK(!isContinuationByte(Text, D.Offset + D.Length),
                 "finding ends inside a UTF-8 character" + At);
    }
    FUZZ_CHECK(D.Suggestions.size() == D.SafeSuggestions.size(),
               "suggestions and their safety flags differ in number" + At);
    for (const DiagnosticCue &C : D.Cues)
      FUZZ_CHECK(uint64_t(C.Offset) + C.Length <= Text.size(),
                 "cue outside the file" + At);
    if (Prev)
      FUZZ_CHECK(std::tie(Prev->Offset, Prev->Length, Prev->RuleId) <=
                     std::tie(D.Offset, D.Length, D.RuleId),
                 "findings not in offset order" + At);
    Prev = &D;
  }
}

/// Emits \p R as JSON, checks it parses and repeats the offsets; runs the
/// text format when there are findings. SARIF and the claim ledger (whose
/// rule metadata makes them slow) run for one input in eight, picked by a
/// hash of the text so a run is reproducible; both must parse.
inline void checkOutputs(const FileReport &R, const RuleSet &Rules) {
  Summary Sum;
  Sum.Files = 1;
  EmitterOptions EO;
  EO.Rules = &Rules;
  EO.ToolVersion = "fuzz";
  std::vector<OutputFormat> Formats = {OutputFormat::Json};
  if (!R.Diags.empty())
    Formats.push_back(OutputFormat::Text);
  if (llvm::hash_value(llvm::StringRef(R.Text)) % 8 == 0) {
    Formats.push_back(OutputFormat::Sarif);
    Formats.push_back(OutputFormat::ClaimsJson);
  }
  for (OutputFormat F : Formats) {
    std::string Out;
    llvm::raw_string_ostream OS(Out);
    std::unique_ptr<Emitter> Em = makeEmitter(F, OS, EO);
    Em->begin();
    Em->file(R);
    Em->end(Sum);
    OS.flush();
    if (F == OutputFormat::Text)
      continue;
    nlohmann::json J = nlohmann::json::parse(Out, nullptr, false);
    FUZZ_CHECK(!J.is_discarded(), "output is not JSON: " + Out.substr(0, 200));
    if (F != OutputFormat::Json)
      continue;
    FUZZ_CHECK(J.contains("diagnostics") && J["diagnostics"].is_array(),
               "JSON output without a diagnostics list");
    const auto &Ds = J["diagnostics"];
    FUZZ_CHECK(Ds.size() == R.Diags.size(), "JSON lists another number of "
                                            "findings");
    for (size_t I = 0; I < Ds.size(); ++I) {
      FUZZ_CHECK(Ds[I].value("offset", -1) == int64_t(R.Diags[I].Offset) &&
                     Ds[I].value("length", -1) == int64_t(R.Diags[I].Length),
                 "JSON offsets differ from the finding's");
    }
  }
}

/// Lints \p Text as \p Type with every built-in rule and checks everything.
inline void lintAndCheck(llvm::StringRef Text, FileType Type) {
  Workspace &W = builtinWorkspace();
  FileSettings S = defaultSettings(W.rules(), Type);
  FileReport R = W.linter().lint("fuzz-input", Text.str(), S);
  checkReport(R, Text);
  checkOutputs(R, W.rules());
}

} // namespace fuzz
} // namespace claimlint

/// Called once by libFuzzer before the first input (the replay driver does
/// not call it): loads the built-in rules here, so that their loading time
/// is not counted against the first input's -timeout. Each fuzz binary has
/// exactly one file that includes this header.
extern "C" int LLVMFuzzerInitialize(int * /*Argc*/, char *** /*Argv*/) {
  claimlint::fuzz::builtinWorkspace();
  return 0;
}

#endif // CLAIMLINT_TESTS_FUZZ_FUZZCOMMON_H
