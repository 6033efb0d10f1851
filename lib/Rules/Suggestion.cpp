//===- Rules/Suggestion.cpp - Rewrites that keep what they replace --------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

#include "Rules/Suggestion.h"

#include <re2/re2.h>

#include <algorithm>
#include <map>
#include <mutex>

namespace claimlint {

TermFinder::TermFinder(std::string Name, std::string Regex)
    : Name(std::move(Name)), Regex(std::move(Regex)) {}

TermFinder::~TermFinder() = default;

llvm::Optional<std::pair<size_t, size_t>>
TermFinder::span(llvm::StringRef Text) const {
  std::call_once(Once, [this] {
    static std::mutex Mu;
    static std::map<std::string, std::shared_ptr<const RE2>> Compiled;
    std::lock_guard<std::mutex> Lock(Mu);
    std::shared_ptr<const RE2> &Slot = Compiled[Regex];
    if (!Slot) {
      RE2::Options O;
      O.set_case_sensitive(false);
      O.set_longest_match(true);
      O.set_log_errors(false);
      // Whole words only, as phrases match them.
      Slot = std::make_shared<const RE2>("\\b(?:" + Regex + ")\\b", O);
    }
    Re = Slot;
  });
  if (!Re->ok())
    return llvm::None;
  llvm::Optional<std::pair<size_t, size_t>> Out;
  re2::StringPiece In(Text.data(), Text.size()), Found;
  size_t At = 0;
  while (At < In.size() &&
         Re->Match(In, At, In.size(), RE2::UNANCHORED, &Found, 1)) {
    size_t B = static_cast<size_t>(Found.data() - In.data());
    size_t E = B + Found.size();
    if (E == B) { // cannot happen for a term list; never loop
      At = B + 1;
      continue;
    }
    if (!Out)
      Out.emplace(B, E);
    Out->second = E;
    At = E;
  }
  return Out;
}

llvm::Optional<std::string> Suggestion::fill(llvm::StringRef Original) const {
  if (Slots.empty())
    return Text;
  // Terms are found as phrases are, in text whose white space is one space;
  // emphasis and code marks inside the match are not kept.
  std::string Match;
  bool Space = false;
  for (char C : Original) {
    if (C == '*' || C == '`')
      continue;
    bool W = C == ' ' || C == '\t' || C == '\n' || C == '\r';
    if (!W && Space && !Match.empty())
      Match += ' ';
    Space = W;
    if (!W)
      Match += C;
  }
  std::string Out;
  size_t At = 0;
  for (const SuggestionSlot &S : Slots) {
    Out.append(Text, At, S.Begin - At);
    At = S.End;
    if (S.Lists.empty()) {
      Out += Match;
      continue;
    }
    size_t B = Match.size(), E = 0;
    for (const auto &L : S.Lists)
      if (auto Sp = L->span(Match)) {
        B = std::min(B, Sp->first);
        E = std::max(E, Sp->second);
      }
    if (B >= E)
      return llvm::None;
    Out.append(Match, B, E - B);
  }
  Out.append(Text, At, std::string::npos);
  return Out;
}

} // namespace claimlint
