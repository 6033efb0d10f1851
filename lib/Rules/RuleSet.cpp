//===- Rules/RuleSet.cpp - Every rule compiled into one matcher
//------------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

#include "Rules/RuleSet.h"

#include "Match/Phrase.h"
#include "Rules/JsonLocation.h"
#include "Support/Error.h"

#include <algorithm>
#include <cstdlib>

namespace claimlint {

namespace {

/// Adds \p P to \p Set; on failure returns a located error in \p R's file.
llvm::Expected<unsigned> addPattern(PatternSet &Set, const Rule &R,
                                    const CompiledPattern &P) {
  PatternOptions O;
  O.CaseInsensitive = true;
  O.LongestMatch = P.Longest;
  auto Idx = Set.add(P.Regex, O);
  if (!Idx) {
    std::string Msg = llvm::toString(Idx.takeError());
    const std::string &Text = R.SourceText ? *R.SourceText : std::string();
    return jsonError(R.Path, Text, P.JsonPointer, Msg);
  }
  return *Idx;
}

} // namespace

int RuleSet::find(llvm::StringRef Id) const {
  auto It = ById.find(Id);
  return It == ById.end() ? -1 : static_cast<int>(It->second);
}

llvm::Expected<std::unique_ptr<RuleSet>>
RuleSet::build(std::vector<Rule> Rules) {
  BuildOptions Opts;
  if (const char *E = std::getenv("CLAIMLINT_PHRASE_MATCHER"))
    Opts.PhraseMatcher = llvm::StringRef(E) != "0";
  return build(std::move(Rules), Opts);
}

void RuleSet::findTriggers(
    llvm::StringRef Text,
    llvm::function_ref<bool(Owner, uint32_t, uint32_t)> OnMatch,
    std::vector<Spans> *Requires, uint32_t Base) const {
  bool Go = true;
  Phrases.matchAll(Text, [&](unsigned G, uint32_t B, uint32_t E) {
    const Owner &O = PhraseOwners[G];
    if (O.Rule == RequireOwner) {
      if (Requires)
        (*Requires)[O.Group].push_back({B + Base, E + Base});
      return true;
    }
    Go = OnMatch(O, B, E);
    return Go;
  });
  if (!Go)
    return;
  Triggers.matchAll(Text, [&](unsigned P, uint32_t B, uint32_t E) {
    return OnMatch(Owners[P], B, E);
  });
}

llvm::Expected<std::unique_ptr<RuleSet>> RuleSet::build(std::vector<Rule> Rules,
                                                        BuildOptions Opts) {
  std::unique_ptr<RuleSet> S(new RuleSet());
  S->Rules = std::move(Rules);
  S->ExceptionIdx.resize(S->Rules.size());
  S->RequireIdx.resize(S->Rules.size());
  llvm::Error Err = llvm::Error::success();
  llvm::StringMap<unsigned> ExceptionIndex;
  for (unsigned RI = 0; RI < S->Rules.size(); ++RI) {
    const Rule &R = S->Rules[RI];
    S->ById[R.Id] = RI;
    for (unsigned G = 0; G < R.Triggers.size(); ++G) {
      // Phrases of one group become a single alternation (leftmost-longest
      // among them; long common tails shared, see joinLongestAlternatives);
      // each pattern stays its own entry.
      std::vector<llvm::StringRef> PhraseRegexes;
      std::string FirstPointer;
      for (const CompiledPattern &P : R.Triggers[G].Compiled) {
        if (P.Longest) {
          if (PhraseRegexes.empty())
            FirstPointer = P.JsonPointer;
          PhraseRegexes.push_back(P.Regex);
          continue;
        }
        auto Idx = addPattern(S->Triggers, R, P);
        if (!Idx) {
          Err = llvm::joinErrors(std::move(Err), Idx.takeError());
          continue;
        }
        S->Owners.push_back({RI, G});
      }
      if (!PhraseRegexes.empty()) {
        std::string Joined = joinLongestAlternatives(PhraseRegexes);
        // The phrase matcher takes the group unless it uses what the
        // matcher does not model; then RE2 matches it, as before.
        if (Opts.PhraseMatcher &&
            PhraseRegexes.size() == R.Triggers[G].Phrases.size())
          if (S->Phrases.addGroup(R.Triggers[G].Phrases, R.Lists.get(),
                                  Joined)) {
            S->PhraseOwners.push_back({RI, G});
            ++S->TriggerPhraseGroups;
            continue;
          }
        auto Idx =
            addPattern(S->Triggers, R, {std::move(Joined), true, FirstPointer});
        if (!Idx) {
          Err = llvm::joinErrors(std::move(Err), Idx.takeError());
          continue;
        }
        S->Owners.push_back({RI, G});
      }
    }
    // Rules share exceptions ("no treatment can ..." is one of six): each
    // distinct one is added, and later compiled, once.
    for (const CompiledPattern &P : R.CompiledExceptions) {
      std::string Key = (P.Longest ? "L" : "F") + P.Regex;
      auto Known = ExceptionIndex.find(Key);
      if (Known != ExceptionIndex.end()) {
        S->ExceptionIdx[RI].push_back(Known->second);
        continue;
      }
      auto Idx = addPattern(S->Extras, R, P);
      if (!Idx) {
        Err = llvm::joinErrors(std::move(Err), Idx.takeError());
        continue;
      }
      ExceptionIndex[Key] = *Idx;
      S->ExceptionIdx[RI].push_back(*Idx);
    }
    // Requirements: the phrase matcher finds them beside the triggers.
    for (size_t K = 0; K < R.CompiledRequires.size(); ++K) {
      const CompiledPattern &P = R.CompiledRequires[K];
      unsigned Need = S->Requires;
      if (Opts.PhraseMatcher && K < R.Requires.size() &&
          S->Phrases.addGroup({R.Requires[K]}, R.Lists.get(), P.Regex)) {
        S->PhraseOwners.push_back({RequireOwner, Need});
        S->RequireIdx[RI].push_back(S->Requires++);
        continue;
      }
      auto Idx = addPattern(S->RequireRe2, R, P);
      if (!Idx) {
        Err = llvm::joinErrors(std::move(Err), Idx.takeError());
        continue;
      }
      S->Re2Need.push_back({Need, *Idx});
      S->RequireIdx[RI].push_back(S->Requires++);
    }
  }
  if (Err)
    return Err;
  S->Phrases.compile();
  if (llvm::Error E = S->Triggers.compile())
    return E;
  // Exceptions are only looked for in a claim's sentence, each on its own.
  if (llvm::Error E = S->Extras.compile(/*Prefilter=*/false))
    return E;
  if (llvm::Error E = S->RequireRe2.compile())
    return E;
  return S;
}

void RuleSet::scanRequires(llvm::StringRef Text,
                           std::vector<Spans> &Out) const {
  Out.assign(Requires, {});
  Phrases.matchAll(Text, [&](unsigned G, uint32_t B, uint32_t E) {
    if (PhraseOwners[G].Rule == RequireOwner)
      Out[PhraseOwners[G].Group].push_back({B, E});
    return true;
  });
  scanRequiresRe2(Text, Out);
}

void RuleSet::scanRequiresRe2(llvm::StringRef Text,
                              std::vector<Spans> &Out) const {
  if (Re2Need.empty())
    return;
  std::vector<int> Present;
  RequireRe2.candidates(Text, Present);
  for (auto [Need, Idx] : Re2Need)
    if (std::binary_search(Present.begin(), Present.end(),
                           static_cast<int>(Idx)))
      RequireRe2.findAll(Idx, Text, [&, Need = Need](uint32_t B, uint32_t E) {
        Out[Need].push_back({B, E});
        return true;
      });
}

} // namespace claimlint
