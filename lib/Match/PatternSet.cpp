//===- Match/PatternSet.cpp - Many patterns, one pass ---------------------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

#include "Match/PatternSet.h"

#include "Support/Error.h"

#include <re2/re2.h>
#include <re2/set.h>

#include <atomic>
#include <mutex>

namespace claimlint {

namespace {
// The set's DFA budget. Past it RE2 reports kOutOfMemory and we fall back.
constexpr int64_t SetMemoryBudget = 64 << 20;
constexpr int64_t PatternMemoryBudget = 8 << 20;

RE2::Options makeOptions(const PatternOptions &Opts) {
  RE2::Options O;
  O.set_log_errors(false);
  O.set_case_sensitive(!Opts.CaseInsensitive);
  O.set_longest_match(Opts.LongestMatch);
  O.set_max_mem(PatternMemoryBudget);
  return O;
}

/// Whether \p Regex could compile to more than its memory budget allows.
/// Anything shorter than 4 KB without counted repetition or Unicode classes
/// compiles to a few instructions per byte, far below the ~87,000 that 8 MiB
/// allow; such patterns are only parsed by add() and compiled on first use.
bool mayBeLarge(llvm::StringRef Regex) {
  return Regex.size() > 4096 || Regex.contains('{') || Regex.contains("\\p") ||
         Regex.contains("\\P");
}
} // namespace

struct PatternSet::SetImpl {
  explicit SetImpl(const RE2::Options &O) : S(O, RE2::UNANCHORED) {}
  RE2::Set S;
};

/// One pattern. Its RE2 is built on first use: start-up compiles only the
/// set, and a run compiles only the patterns that occur in its files.
struct PatternSet::Entry {
  std::string Source;
  PatternOptions Opts;
  mutable std::once_flag Once;
  mutable std::unique_ptr<RE2> Re;

  const RE2 &re() const {
    std::call_once(Once, [this] {
      Re = std::make_unique<RE2>(re2::StringPiece(Source), makeOptions(Opts));
    });
    return *Re;
  }
};

PatternSet::PatternSet() = default;
PatternSet::~PatternSet() = default;
PatternSet::PatternSet(PatternSet &&) noexcept = default;
PatternSet &PatternSet::operator=(PatternSet &&) noexcept = default;

llvm::Expected<unsigned> PatternSet::add(llvm::StringRef Regex,
                                         const PatternOptions &Opts) {
  auto E = std::make_unique<Entry>();
  E->Source = Regex.str();
  E->Opts = Opts;
  if (mayBeLarge(Regex)) {
    // Compiled now, so that one too large for its budget fails here.
    if (!E->re().ok())
      return makeError("invalid pattern: " + E->re().error());
  } else {
    // Parsing alone finds every other error, with RE2's own message.
    RE2::Set Check(makeOptions(Opts), RE2::UNANCHORED);
    std::string Msg;
    if (Check.Add(re2::StringPiece(Regex.data(), Regex.size()), &Msg) < 0)
      return makeError("invalid pattern: " + Msg);
  }
  Patterns.push_back(std::move(E));
  return static_cast<unsigned>(Patterns.size() - 1);
}

llvm::Error PatternSet::compile() {
  RE2::Options O;
  O.set_log_errors(false);
  O.set_case_sensitive(true); // each pattern carries its own (?i)
  O.set_max_mem(SetMemoryBudget);
  Set = std::make_unique<SetImpl>(O);
  for (const auto &E : Patterns) {
    std::string P = E->Opts.CaseInsensitive ? "(?i:" + E->Source + ")"
                                            : "(?:" + E->Source + ")";
    std::string Err;
    if (Set->S.Add(P, &Err) < 0)
      return makeError("invalid pattern: " + Err);
  }
  if (!Patterns.empty() && !Set->S.Compile())
    Set.reset(); // too large for the set: candidates() runs each pattern
  Compiled = true;
  return llvm::Error::success();
}

void PatternSet::candidates(llvm::StringRef Text, std::vector<int> &Out) const {
  Out.clear();
  if (Patterns.empty())
    return;
  re2::StringPiece T(Text.data(), Text.size());
  if (Set) {
    RE2::Set::ErrorInfo Info;
    Info.kind = RE2::Set::kNoError;
    if (Set->S.Match(T, &Out, &Info)) {
      std::sort(Out.begin(), Out.end());
      return;
    }
    if (Info.kind == RE2::Set::kNoError)
      return; // no pattern matches
    Out.clear();
  }
  // The set could not be built or its DFA ran out of memory: never miss a
  // match, ask every pattern.
  ++Fallbacks;
  for (size_t I = 0; I < Patterns.size(); ++I)
    if (RE2::PartialMatch(T, Patterns[I]->re()))
      Out.push_back(static_cast<int>(I));
}

void PatternSet::findAll(
    unsigned Index, llvm::StringRef Text,
    llvm::function_ref<bool(uint32_t, uint32_t)> OnMatch) const {
  const RE2 &Re = Patterns[Index]->re();
  re2::StringPiece T(Text.data(), Text.size());
  re2::StringPiece M;
  size_t Pos = 0;
  while (Pos <= Text.size() &&
         Re.Match(T, Pos, Text.size(), RE2::UNANCHORED, &M, 1)) {
    auto B = static_cast<uint32_t>(M.data() - Text.data());
    auto E = static_cast<uint32_t>(B + M.size());
    if (E == B) { // empty match: step over one byte
      Pos = B + 1;
      continue;
    }
    if (!OnMatch(B, E))
      return;
    Pos = E;
  }
}

void PatternSet::matchAll(
    llvm::StringRef Text,
    llvm::function_ref<bool(unsigned, uint32_t, uint32_t)> OnMatch) const {
  std::vector<int> C;
  candidates(Text, C);
  for (int I : C) {
    bool Go = true;
    findAll(static_cast<unsigned>(I), Text, [&](uint32_t B, uint32_t E) {
      Go = OnMatch(static_cast<unsigned>(I), B, E);
      return Go;
    });
    if (!Go)
      return;
  }
}

bool PatternSet::matches(unsigned Index, llvm::StringRef Text) const {
  return RE2::PartialMatch(re2::StringPiece(Text.data(), Text.size()),
                           Patterns[Index]->re());
}

} // namespace claimlint
