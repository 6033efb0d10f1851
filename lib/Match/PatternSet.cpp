//===- Match/PatternSet.cpp - Many patterns, one pass ---------------------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

#include "Match/PatternSet.h"

#include "Match/Re2Util.h"
#include "Support/BackgroundTask.h"
#include "Support/Error.h"

#include "llvm/ADT/StringExtras.h"

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <atomic>
#include <cassert>
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

/// An upper bound on the RE2 instructions that \p R from \p I compiles to,
/// up to the ')' that closes the current group (consumed) or the end; the
/// pattern has been parsed already, so it is well formed. Per piece, with
/// room to spare: an ASCII byte 1 (3 for a case-folded k or s: Kelvin sign,
/// long s), other UTF-8 2 per byte, '.' 15, a class 10 plus 4 per byte, a
/// negated one 40 more, \p and \P classes 1,500 (\pL compiles to 1,200),
/// Perl classes 15 (negated 35); x{n,m} is m copies of x.
double bound(llvm::StringRef R, size_t &I) {
  double Total = 2, Last = 0;
  while (I < R.size()) {
    auto C = static_cast<unsigned char>(R[I]);
    double Atom;
    if (C == ')') {
      ++I;
      return Total;
    }
    if (C == '(') {
      ++I;
      Atom = bound(R, I);
    } else if (C == '[') {
      size_t J = I + 1;
      bool Negated = J < R.size() && R[J] == '^';
      J += Negated;
      if (J < R.size() && R[J] == ']')
        ++J; // a leading ']' is literal
      Atom = Negated ? 50 : 10;
      for (; J < R.size() && R[J] != ']'; ++J) {
        if (R.substr(J).startswith("[:")) { // [:alpha:]
          size_t E = R.find(":]", J + 2);
          Atom += 40;
          J = E == llvm::StringRef::npos ? R.size() : E + 1;
        } else if (R[J] == '\\' && J + 1 < R.size()) {
          ++J;
          Atom += R[J] == 'p' || R[J] == 'P' ? 1500 : 15;
        } else {
          Atom += 4;
        }
      }
      I = J + 1;
    } else if (C == '\\' && I + 1 < R.size()) {
      char E = R[I + 1];
      I += 2;
      if (E == 'p' || E == 'P' || E == 'x') {
        Atom = E == 'x' ? 4 : 1500;
        if (I < R.size() && R[I] == '{') { // \p{Greek}, \x{2013}
          size_t End = R.find('}', I);
          I = End == llvm::StringRef::npos ? R.size() : End + 1;
        } else {
          I += E == 'x' ? 2 : 1; // \xE9, \pL
        }
      } else if (E == 'Q') { // \Q...\E: literal
        size_t End = R.find("\\E", I);
        size_t Stop = End == llvm::StringRef::npos ? R.size() : End;
        Atom = 3.0 * static_cast<double>(Stop - I);
        I = End == llvm::StringRef::npos ? R.size() : End + 2;
      } else {
        Atom = E == 'D' || E == 'W' || E == 'S' ? 35 : 15;
      }
    } else if (C == '{') {
      // {n}, {n,} or {n,m} repeats the last piece; anything else is literal.
      size_t J = I + 1;
      unsigned N = 0, Max = 0;
      bool Open = false;
      for (; J < R.size() && (llvm::isDigit(R[J]) || R[J] == ','); ++J) {
        if (R[J] == ',') {
          Open = true;
          N = 0;
          continue;
        }
        N = std::min(N * 10 + static_cast<unsigned>(R[J] - '0'), 100000u);
        Max = std::max(Max, N);
      }
      if (J > I + 1 && J < R.size() && R[J] == '}') {
        double Copies = std::max(Max, 1u) + (Open && N == 0 ? 1 : 0);
        Total += Last * (Copies - 1) + 2 * Copies;
        Last *= Copies;
        I = J + 1;
        continue;
      }
      Atom = 1;
      ++I;
    } else if (C == '*' || C == '+' || C == '?' || C == '|') {
      Total += 2;
      ++I;
      if (C == '|')
        Last = 0;
      continue;
    } else {
      Atom = C == '.'                                       ? 15
             : C >= 0x80                                    ? 2
             : C == 'k' || C == 's' || C == 'K' || C == 'S' ? 3
                                                            : 1;
      ++I;
    }
    Total += Atom;
    Last = Atom;
  }
  return Total;
}

/// Whether \p Regex could compile to more than half of what its memory
/// budget allows (about 87,000 instructions in 8 MiB). Patterns below that
/// are only parsed by add() and compiled on first use. (Over the default
/// pack, the lexicon, rules.txt and adversarial cases the bound is at least
/// 1.26 times the real size; the pack's largest pattern, 20 KB of phrases,
/// compiles to 13,700.)
bool mayBeLarge(llvm::StringRef Regex) {
  size_t I = 0;
  double B = 20;           // the unanchored prefix and the match
  while (I < Regex.size()) // a stray ')' cannot occur; loop just in case
    B += bound(Regex, I);
  return B > 43000;
}
} // namespace

/// The prefilter: three RE2::Sets, for patterns without repetition, with
/// small repetition ('+', '*', '{0,3}': word gaps and the like), and with a
/// counted repetition of 32 or more ('[^"]{8,300}'). In one set the DFA has
/// a state for every partial gap times every partial phrase; its states are
/// built lazily, and building them took most of a cold 10 MB run with the
/// default pack (1.4 s for one set, 0.44 s for two). A long count alone
/// makes hundreds of states: with the rest it made the default pack's cold
/// 10 MB scan 2.8 times slower (188 ms, against 68 ms without it and 31 ms
/// for it alone). Warm passes cost about the same either way.
struct PatternSet::SetImpl {
  static constexpr int NumSets = 3;
  SetImpl(const RE2::Options &O, bool CaseInsensitive)
      : CaseInsensitive(CaseInsensitive) {
    for (auto &S : Sets)
      S = std::make_unique<RE2::Set>(O, RE2::UNANCHORED);
  }
  static int which(llvm::StringRef Regex) {
    if (Regex.find_first_of("{+*") == llvm::StringRef::npos)
      return 0;
    // A count {n,m} or {n} with a bound of 32 or more.
    for (size_t I = Regex.find('{'); I != llvm::StringRef::npos;
         I = Regex.find('{', I + 1)) {
      unsigned Max = 0, N = 0;
      size_t J = I + 1;
      for (; J < Regex.size() && (llvm::isDigit(Regex[J]) || Regex[J] == ',');
           ++J) {
        N = Regex[J] == ','
                ? 0
                : std::min(N * 10 + unsigned(Regex[J] - '0'), 1000u);
        Max = std::max(Max, N);
      }
      if (J > I + 1 && J < Regex.size() && Regex[J] == '}' && Max >= 32)
        return 2;
    }
    return 1;
  }
  std::unique_ptr<RE2::Set> Sets[NumSets];
  std::vector<int> Index[NumSets]; ///< the pattern index of each set's ones
  bool CaseInsensitive;            ///< patterns of the other kind go in wrapped
};

/// One pattern. Its RE2 is built on first use: start-up compiles only the
/// set, and a run compiles only the patterns that occur in its files.
struct PatternSet::Entry {
  std::string Source;
  PatternOptions Opts;
  bool InSet = false; ///< in the prefilter
  mutable std::once_flag Once;
  mutable std::unique_ptr<RE2> Re;

  const RE2 &re() const {
    std::call_once(Once, [this] { Re = compileAlone(Source, Opts); });
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
  E->InSet = Opts.Prefilter;
  re2::StringPiece P(Regex.data(), Regex.size());
  std::string Msg;
  // A pattern that no set parses as written is checked on its own; a large
  // one is compiled now, so that one too large for its budget fails here.
  auto CheckAlone = [&]() -> llvm::Error {
    if (mayBeLarge(Regex)) {
      if (!E->re().ok())
        return makeError("invalid pattern: " + E->re().error());
      return llvm::Error::success();
    }
    RE2::Set Check(makeOptions(Opts), RE2::UNANCHORED);
    if (Check.Add(P, &Msg) < 0)
      return makeError("invalid pattern: " + Msg);
    return llvm::Error::success();
  };
  if (!Opts.Prefilter) {
    // Not in the set: checked on its own, unless known to compile.
    if (!Opts.Trusted)
      if (llvm::Error Err = CheckAlone())
        return Err;
    Patterns.push_back(std::move(E));
    return static_cast<unsigned>(Patterns.size() - 1);
  }
  // The set takes the first pattern's case option. Patterns with that option
  // go in as written, so one parse both checks them (the set reports the
  // same errors as RE2 would, in the same words) and adds them.
  if (!Set) {
    RE2::Options O;
    O.set_log_errors(false);
    O.set_case_sensitive(!Opts.CaseInsensitive);
    O.set_max_mem(SetMemoryBudget);
    Set = std::make_unique<SetImpl>(O, Opts.CaseInsensitive);
  }
  bool AsWritten = Opts.CaseInsensitive == Set->CaseInsensitive;
  if (mayBeLarge(Regex) || !AsWritten)
    if (llvm::Error Err = CheckAlone())
      return Err;
  int W = SetImpl::which(Regex);
  RE2::Set &S = *Set->Sets[W];
  int Index =
      AsWritten
          ? S.Add(P, &Msg)
          : S.Add((Opts.CaseInsensitive ? "(?i:" : "(?-i:") + E->Source + ")",
                  &Msg);
  if (Index < 0)
    return makeError("invalid pattern: " + Msg);
  assert(static_cast<size_t>(Index) == Set->Index[W].size() &&
         "set indices are dense");
  Set->Index[W].push_back(static_cast<int>(Patterns.size()));
  Patterns.push_back(std::move(E));
  ++InSet;
  return static_cast<unsigned>(Patterns.size() - 1);
}

llvm::Error PatternSet::compile(bool Prefilter) {
  if (!Prefilter)
    Set.reset(); // add() used it to check each pattern; no more needed
  if (Set) {
    // Most of start-up: compile the sets side by side.
    bool Ok[SetImpl::NumSets] = {true, true, true};
    auto Build = [&](int W) {
      if (!Set->Index[W].empty())
        Ok[W] = Set->Sets[W]->Compile();
    };
    {
      BackgroundTask Other([&] { Build(1); });
      Build(0);
      Build(2);
    }
    if (!Ok[0] || !Ok[1] || !Ok[2])
      Set.reset(); // too large for a set: candidates() runs each pattern
  }
  Compiled = true;
  return llvm::Error::success();
}

void PatternSet::candidates(llvm::StringRef Text, std::vector<int> &Out) const {
  Out.clear();
  if (InSet == 0)
    return;
  re2::StringPiece T(Text.data(), Text.size());
  if (Set) {
    thread_local std::vector<int> Local;
    bool Failed = false;
    for (int W = 0; W < SetImpl::NumSets && !Failed; ++W) {
      if (Set->Index[W].empty())
        continue;
      RE2::Set::ErrorInfo Info;
      Info.kind = RE2::Set::kNoError;
      // Most blocks match nothing: ask "any?" first, which stops at the
      // first match and allocates nothing, then "which?" only if so.
      if (!Set->Sets[W]->Match(T, nullptr, &Info)) {
        Failed = Info.kind != RE2::Set::kNoError;
        continue;
      }
      if (Set->Sets[W]->Match(T, &Local, &Info))
        for (int L : Local)
          Out.push_back(Set->Index[W][L]);
      else
        Failed = Info.kind != RE2::Set::kNoError;
    }
    if (!Failed) {
      std::sort(Out.begin(), Out.end());
      return;
    }
    Out.clear();
  }
  // The set could not be built or its DFA ran out of memory: never miss a
  // match, ask every pattern.
  ++Fallbacks;
  for (size_t I = 0; I < Patterns.size(); ++I)
    if (Patterns[I]->InSet && RE2::PartialMatch(T, Patterns[I]->re()))
      Out.push_back(static_cast<int>(I));
}

void findAllMatches(const RE2 &Re, llvm::StringRef Text,
                    llvm::function_ref<bool(uint32_t, uint32_t)> OnMatch) {
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

std::unique_ptr<RE2> compileAlone(const std::string &Source,
                                  const PatternOptions &Opts) {
  RE2::Options O = makeOptions(Opts);
  auto Re = std::make_unique<RE2>(re2::StringPiece(Source), O);
  if (Re->ok())
    return Re;
  // mayBeLarge() should make this unreachable; should its bound ever be
  // wrong, a budget as large as a set's still finds every match.
  O.set_max_mem(SetMemoryBudget * 3 / 2);
  return std::make_unique<RE2>(re2::StringPiece(Source), O);
}

void PatternSet::findAll(
    unsigned Index, llvm::StringRef Text,
    llvm::function_ref<bool(uint32_t, uint32_t)> OnMatch) const {
  findAllMatches(Patterns[Index]->re(), Text, OnMatch);
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

} // namespace claimlint
