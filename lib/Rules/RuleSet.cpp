//===- Rules/RuleSet.cpp - Every rule compiled into one matcher
//------------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

#include "Rules/RuleSet.h"

#include "Match/Phrase.h"
#include "Match/RegexWords.h"
#include "Rules/JsonLocation.h"
#include "Rules/RuleLoader.h"
#include "Support/Error.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>

namespace claimlint {

namespace {

/// Adds \p P to \p Set; on failure returns a located error in \p R's file.
/// Without \p Prefilter, a built-in rule's pattern is not parsed now (the
/// test suite compiles every one).
llvm::Expected<unsigned> addPattern(PatternSet &Set, const Rule &R,
                                    const CompiledPattern &P,
                                    bool Prefilter = true) {
  PatternOptions O;
  O.CaseInsensitive = true;
  O.LongestMatch = P.Longest;
  O.Prefilter = Prefilter;
  O.Trusted = !Prefilter && llvm::StringRef(R.Path).startswith("<builtin>/");
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
  // Per thread, stamped per call instead of cleared: which words occur, and
  // which gated patterns one of them touches.
  thread_local std::vector<uint32_t> WordSeen, Touched;
  thread_local uint32_t Stamp = 0;
  if (WordSeen.size() < Words)
    WordSeen.resize(Words);
  if (Touched.size() < Gated.size())
    Touched.resize(Gated.size());
  if (++Stamp == 0) { // wrapped: forget every old stamp
    std::fill(WordSeen.begin(), WordSeen.end(), 0);
    std::fill(Touched.begin(), Touched.end(), 0);
    Stamp = 1;
  }
  uint32_t Now = Stamp;
  thread_local std::vector<int> Run, FromSet; // patterns to run, reused
  Run.clear();
  Phrases.matchAll(Text, [&](unsigned G, uint32_t B, uint32_t E) {
    const Owner &O = PhraseOwners[G];
    if (O.Rule == WordOwner) {
      if (WordSeen[O.Group] != Now) {
        WordSeen[O.Group] = Now;
        for (unsigned P : GatedByWord[O.Group])
          if (Touched[P] != Now) {
            Touched[P] = Now;
            Run.push_back(static_cast<int>(P));
          }
      }
      return true;
    }
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
  // A touched pattern runs if every one of its word sets occurs.
  llvm::erase_if(Run, [&](int P) {
    for (const std::vector<unsigned> &Set : Gated[P].Sets) {
      bool Any = false;
      for (unsigned W : Set)
        if (WordSeen[W] == Now) {
          Any = true;
          break;
        }
      if (!Any)
        return true;
    }
    return false;
  });
  if (Run.size() >= GatedSetFrom) {
    // Many pass their gates: ask one set pass which really occur.
    std::call_once(GatedSet->Once, [this] {
      for (const WordGated &W : Gated) {
        PatternOptions O;
        O.LongestMatch = W.Longest;
        // Checked when the rule set was built (or built in and tested).
        llvm::cantFail(GatedSet->Set.add(W.Regex, O));
      }
      llvm::cantFail(GatedSet->Set.compile());
    });
    thread_local std::vector<int> Occur;
    GatedSet->Set.candidates(Text, Occur);
    llvm::erase_if(Run, [&](int P) {
      return !std::binary_search(Occur.begin(), Occur.end(), P);
    });
  }
  for (int &P : Run)
    P = static_cast<int>(Gated[P].Pattern);
  for (const auto &[P, Chars] : CharGated)
    if (llvm::any_of(Chars, [&](char C) { // memchr: a byte scan, vectorised
          return std::memchr(Text.data(), C, Text.size()) != nullptr;
        }))
      Run.push_back(static_cast<int>(P));
  Triggers.candidates(Text, FromSet);
  Run.insert(Run.end(), FromSet.begin(), FromSet.end());
  if (Run.size() > 1)
    std::sort(Run.begin(), Run.end());
  for (int P : Run) {
    Triggers.findAll(static_cast<unsigned>(P), Text,
                     [&](uint32_t B, uint32_t E) {
                       Go = OnMatch(Owners[P], B, E);
                       return Go;
                     });
    if (!Go)
      return;
  }
}

llvm::Expected<std::unique_ptr<RuleSet>> RuleSet::build(std::vector<Rule> Rules,
                                                        BuildOptions Opts) {
  std::unique_ptr<RuleSet> S(new RuleSet());
  S->Rules = std::move(Rules);
  S->ExceptionIdx.resize(S->Rules.size());
  S->RequireIdx.resize(S->Rules.size());
  llvm::Error Err = llvm::Error::success();
  llvm::StringMap<unsigned> ExceptionIndex;
  llvm::StringMap<unsigned> WordIndex;
  // Gates pay while regex patterns are few (the built-in pack has 47): a
  // search per candidate costs more than the set's one pass once hundreds
  // of patterns pass their gates in a block.
  size_t RegexTriggers = 0;
  for (const Rule &R : S->Rules)
    for (const TriggerGroup &G : R.Triggers)
      RegexTriggers += llvm::count_if(
          G.Compiled, [](const CompiledPattern &P) { return !P.Longest; });
  const bool Gate = Opts.PhraseMatcher && RegexTriggers <= MaxGatedPatterns;
  // A trigger pattern goes into the RE2::Set, unless the phrase matcher is
  // on and the pattern needs one of a few words: then the words become
  // phrase groups and the pattern runs only where one occurs (or, with no
  // word to go by, only where a punctuation character it needs occurs). A
  // word's group falls back to a plain substring search where the phrase
  // matcher uses RE2 (text with U+212A or U+017F): never fewer places than
  // needed.
  auto AddTrigger = [&](const Rule &R,
                        const CompiledPattern &P) -> llvm::Error {
    std::vector<std::vector<unsigned>> Sets;
    if (Gate)
      for (const std::vector<std::string> &Set : requiredWords(P.Regex)) {
        std::vector<unsigned> Ids;
        for (const std::string &W : Set) {
          auto It = WordIndex.find(W);
          if (It == WordIndex.end()) {
            if (!S->Phrases.addGroup({W}, nullptr, "(?i:" + W + ")"))
              break;
            S->PhraseOwners.push_back({WordOwner, S->Words});
            S->GatedByWord.emplace_back();
            It = WordIndex.insert({W, S->Words++}).first;
          }
          Ids.push_back(It->second);
        }
        if (Ids.size() == Set.size())
          Sets.push_back(std::move(Ids));
      }
    std::string Chars;
    if (Gate && Sets.empty())
      Chars = requiredCharacters(P.Regex);
    auto Idx = addPattern(S->Triggers, R, P,
                          /*Prefilter=*/Sets.empty() && Chars.empty());
    if (!Idx)
      return Idx.takeError();
    if (!Chars.empty())
      S->CharGated.push_back({*Idx, std::move(Chars)});
    if (!Sets.empty()) {
      auto G = static_cast<unsigned>(S->Gated.size());
      for (const std::vector<unsigned> &Set : Sets)
        for (unsigned W : Set)
          if (S->GatedByWord[W].empty() || S->GatedByWord[W].back() != G)
            S->GatedByWord[W].push_back(G);
      S->Gated.push_back({*Idx, std::move(Sets), P.Regex, P.Longest});
    }
    return llvm::Error::success();
  };
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
        if (llvm::Error E = AddTrigger(R, P)) {
          Err = llvm::joinErrors(std::move(Err), std::move(E));
          continue;
        }
        S->Owners.push_back({RI, G});
      }
      if (!PhraseRegexes.empty()) {
        // A built-in rule's phrases are translated only if RE2 needs them
        // (RuleLoader.h): here, or when the matcher meets text it leaves
        // to RE2.
        const bool Later = PhraseRegexes.front().empty();
        std::string Joined;
        if (!Later)
          Joined = joinLongestAlternatives(PhraseRegexes);
        // The phrase matcher takes the group unless it uses what the
        // matcher does not model; then RE2 matches it, as before.
        if (Opts.PhraseMatcher &&
            PhraseRegexes.size() == R.Triggers[G].Phrases.size()) {
          llvm::Optional<unsigned> Taken =
              Later ? S->Phrases.addGroup(R.Triggers[G].Phrases, R.Lists.get(),
                                          [&R, G] {
                                            // Built in, so known to translate
                                            // (tested).
                                            return llvm::cantFail(
                                                triggerPhrasesRegex(R, G));
                                          })
                    : S->Phrases.addGroup(R.Triggers[G].Phrases, R.Lists.get(),
                                          Joined);
          if (Taken) {
            S->PhraseOwners.push_back({RI, G});
            ++S->TriggerPhraseGroups;
            continue;
          }
        }
        if (Later) {
          auto Re = triggerPhrasesRegex(R, G);
          if (!Re) {
            Err = llvm::joinErrors(std::move(Err), Re.takeError());
            continue;
          }
          Joined = std::move(*Re);
        }
        if (llvm::Error E =
                AddTrigger(R, {std::move(Joined), true, FirstPointer})) {
          Err = llvm::joinErrors(std::move(Err), std::move(E));
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
      // Run on their own in a claim's sentence, never through the set.
      auto Idx = addPattern(S->Extras, R, P, /*Prefilter=*/false);
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
  S->GatedSet = std::make_unique<LazySet>();
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
