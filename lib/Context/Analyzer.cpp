//===- Context/Analyzer.cpp - Is a claim qualified? -----------------------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//
//
// ConText-style analysis (docs/context.md). create() turns every cue class
// of the lexicon into at most two matchers per (kind, scope): its phrases
// (case-insensitive, leftmost-longest) go into one phrase matcher shared by
// all classes, and its patterns (as written) form one alternation. A pattern
// that needs certain words or characters (Match/RegexWords.h) cannot match a
// sentence without them: such a pattern is searched on its own, only in the
// sentences that have them, and the others together; the matches merge as
// the alternation would choose them (class Alternation). Each part is
// compiled the first time a sentence needs it: the citation patterns' \pL
// classes took longer to compile than the rest of start-up, and most
// sentences need none of them.
//
// scan() finds the cues of a sentence, drops cues that are part of a longer
// cue that overrides them (masking: "not" inside "not only", "may" inside
// "results may vary"), and finds the clause breaks. analyze() then keeps the
// cues that reach the claim: in the right direction, inside the claim's
// clause, within ScopeWords words, or anywhere in the sentence, by kind and
// scope. decide() applies the decision table to a rule's severity and policy.
//
//===----------------------------------------------------------------------===//

#include "Context/Analyzer.h"

#include "Match/PatternSet.h"
#include "Match/Phrase.h"
#include "Match/PhraseMatcher.h"
#include "Match/Re2Util.h"
#include "Match/RegexWords.h"
#include "Support/Error.h"

#include "llvm/ADT/SmallBitVector.h"
#include "llvm/ADT/StringExtras.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <map>
#include <mutex>

namespace claimlint {

llvm::StringRef claimStatusName(ClaimStatus S) {
  switch (S) {
  case ClaimStatus::Unqualified:
    return "unqualified";
  case ClaimStatus::Hedged:
    return "hedged";
  case ClaimStatus::Negated:
    return "negated";
  case ClaimStatus::Cited:
    return "cited";
  case ClaimStatus::Reported:
    return "reported";
  case ClaimStatus::Reviewed:
    return "reviewed";
  }
  return "unqualified";
}

llvm::Optional<ClaimStatus> parseClaimStatus(llvm::StringRef S) {
  for (auto St :
       {ClaimStatus::Unqualified, ClaimStatus::Hedged, ClaimStatus::Negated,
        ClaimStatus::Cited, ClaimStatus::Reported, ClaimStatus::Reviewed})
    if (claimStatusName(St) == S)
      return St;
  return llvm::None;
}

namespace {

struct Group {
  CueKind Kind;
  CueScope Scope;
};

bool isNegation(CueKind K) {
  return K == CueKind::PreNegation || K == CueKind::PostNegation;
}

bool isWordByte(char C) {
  return llvm::isAlnum(C) || static_cast<unsigned char>(C) >= 0x80;
}

/// Number of words that start in [Begin, End) of \p T.
unsigned wordsBetween(llvm::StringRef T, uint32_t Begin, uint32_t End) {
  unsigned N = 0;
  bool In = Begin > 0 && Begin <= T.size() && isWordByte(T[Begin - 1]);
  for (uint32_t I = Begin; I < End && I < T.size(); ++I) {
    bool W = isWordByte(T[I]) ||
             (In && T[I] == '\'' && I + 1 < End && isWordByte(T[I + 1]));
    if (W && !In)
      ++N;
    In = W;
  }
  return N;
}

bool overlaps(Range A, Range B) { return A.Begin < B.End && B.Begin < A.End; }

bool strictlyInside(Range In, Range Out) {
  return Out.Begin <= In.Begin && In.End <= Out.End && Out.size() > In.size();
}

/// Does cue \p B, which strictly contains cue \p A, override it?
bool masks(const Cue &B, const Cue &A) {
  if (A.Kind == B.Kind || A.Kind == CueKind::Evidence)
    return false;
  if (B.Kind == CueKind::PseudoNegation)
    return true; // "not only", "no doubt", "no matter": nothing inside counts
  if (isNegation(A.Kind))
    return B.Kind == CueKind::ClaimNegation ||
           B.Kind == CueKind::InadequateQualifier;
  // Small words inside a longer cue belong to it: "yet" in "not yet proven",
  // "may" in "results may vary", "proven" in "has not been proven".
  return A.Kind == CueKind::Termination || A.Kind == CueKind::ClauseOpener ||
         A.Kind == CueKind::Booster || A.Kind == CueKind::Hedge ||
         A.Kind == CueKind::QuantifierHedge;
}

void applyMasks(std::vector<Cue> &Cues) {
  std::vector<bool> Masked(Cues.size(), false);
  for (size_t A = 0; A < Cues.size(); ++A)
    for (size_t B = 0; B < Cues.size() && !Masked[A]; ++B)
      if (A != B && strictlyInside(Cues[A].Span, Cues[B].Span) &&
          masks(Cues[B], Cues[A]))
        Masked[A] = true;
  size_t Out = 0;
  for (size_t I = 0; I < Cues.size(); ++I)
    if (!Masked[I]) {
      if (Out != I)
        Cues[Out] = std::move(Cues[I]);
      ++Out;
    }
  Cues.resize(Out);
}

std::string shorten(llvm::StringRef S) {
  if (S.size() <= 48)
    return S.str();
  size_t Cut = 45;
  while (Cut > 0 && (static_cast<unsigned char>(S[Cut]) & 0xC0) == 0x80)
    --Cut;
  return S.substr(0, Cut).str() + "...";
}

std::string quoted(const Cue &C) { return "'" + shorten(C.Text) + "'"; }

/// Cue kinds that matter in the sentence after the claim's.
bool lookahead(CueKind K) {
  return K == CueKind::Evidence || K == CueKind::EvidenceLimit ||
         K == CueKind::InadequateQualifier;
}

/// What a sentence holds of the patterns' gates: the gate words that the
/// lexicon's phrase matcher found in it (each gate word is a group of that
/// matcher, as the rule set's are of its own), and its bytes.
class SentenceGates {
public:
  SentenceGates(llvm::StringRef S, size_t Words) : S(S), Seen(Words) {}

  void see(unsigned Word) { Seen.set(Word); }
  bool has(unsigned Word) const { return Seen.test(Word); }
  bool hasChar(char C) const {
    return std::memchr(S.data(), C, S.size()) != nullptr;
  }
  /// RE2's case folding equates U+212A and U+017F with k and s: such text
  /// may hold a needed word or character in a form the gates do not see.
  bool folds() const {
    return S.contains("\xE2\x84\xAA") || S.contains("\xC5\xBF");
  }

private:
  llvm::StringRef S;
  llvm::SmallBitVector Seen;
};

/// The patterns of one cue class, matched as their alternation in the order
/// written (leftmost-first), without compiling that alternation: its
/// citation patterns' \pL classes take longer to compile than the rest of
/// start-up. A pattern with a gate (the words or characters every match of
/// it holds, Match/RegexWords.h) is its own part, run only in a sentence
/// that passes the gate (one that fails it cannot hold a match); the
/// patterns without one form one part. Each part is compiled the first time
/// a sentence runs it. The parts' matches are merged as the alternation
/// would choose: the leftmost start wins; at the same start, the pattern
/// written first.
class Alternation {
public:
  Alternation(PatternOptions O, bool Gate) : Opts(O), Gate(Gate) {}

  /// With gates, \p Word gives a gate word's id (None: it cannot be one).
  void add(std::string Regex,
           llvm::function_ref<llvm::Optional<unsigned>(llvm::StringRef)> Word) {
    auto M = std::make_unique<Member>();
    if (Gate) {
      for (const std::vector<std::string> &Set : requiredWords(Regex)) {
        std::vector<unsigned> Ids;
        for (const std::string &W : Set)
          if (llvm::Optional<unsigned> Id = Word(W))
            Ids.push_back(*Id);
        if (Ids.size() == Set.size())
          M->Words.push_back(std::move(Ids));
      }
      if (M->Words.empty())
        M->Chars = requiredCharacters(Regex);
    }
    M->Regex = std::move(Regex);
    HasUngated |= !M->gated();
    Members.push_back(std::move(M));
  }

  /// The whole alternation as one pattern.
  std::string joined() const {
    std::string J;
    for (const auto &M : Members)
      J += (J.empty() ? "(?:" : "|(?:") + M->Regex + ")";
    return J;
  }

  void find(llvm::StringRef S, const SentenceGates &W,
            llvm::function_ref<bool(uint32_t, uint32_t)> OnMatch) const {
    // RE2's case folding can make a needed word of text W does not see.
    if (!Gate || W.folds()) {
      findAllMatches(Whole.get([&] { return joined(); }, Opts), S, OnMatch);
      return;
    }
    llvm::SmallVector<Part, 8> Parts;
    if (HasUngated)
      Parts.push_back(
          {&Ungated.get([&] { return ungatedJoined(); }, Opts), -1});
    for (size_t K = 0; K < Members.size(); ++K)
      if (Members[K]->gated() && passes(*Members[K], W))
        Parts.push_back({&Members[K]->re(Opts), static_cast<int>(K)});
    if (Parts.size() == 1)
      findAllMatches(*Parts[0].Re, S, OnMatch);
    else if (!Parts.empty())
      merge(Parts, S, OnMatch);
  }

private:
  /// An RE2 compiled the first time it is asked for.
  struct LazyRe {
    mutable std::once_flag Once;
    mutable std::unique_ptr<RE2> Re;
    const RE2 &get(llvm::function_ref<std::string()> Source,
                   const PatternOptions &O) const {
      std::call_once(Once, [&] { Re = compileAlone(Source(), O); });
      return *Re;
    }
  };
  struct Member {
    std::string Regex;
    std::vector<std::vector<unsigned>> Words; ///< each set: one occurs
    std::string Chars;                        ///< one occurs
    LazyRe Re;
    bool gated() const { return !Words.empty() || !Chars.empty(); }
    const RE2 &re(const PatternOptions &O) const {
      return Re.get([&] { return Regex; }, O);
    }
  };
  /// One part of a sentence's search and its next match.
  struct Part {
    const RE2 *Re;
    int Member; ///< -1: the ungated members' alternation
    bool Known = false, Done = false;
    uint32_t B = 0, E = 0;
  };

  PatternOptions Opts;
  bool Gate;
  std::vector<std::unique_ptr<Member>> Members;
  bool HasUngated = false;
  LazyRe Whole, Ungated;

  std::string ungatedJoined() const {
    std::string J;
    for (const auto &M : Members)
      if (!M->gated())
        J += (J.empty() ? "(?:" : "|(?:") + M->Regex + ")";
    return J;
  }

  static bool passes(const Member &P, const SentenceGates &W) {
    for (const std::vector<unsigned> &Set : P.Words)
      if (!llvm::any_of(Set, [&](unsigned X) { return W.has(X); }))
        return false;
    return P.Chars.empty() ||
           llvm::any_of(P.Chars, [&](char C) { return W.hasChar(C); });
  }

  /// The member of \p P that the alternation takes at its match's start.
  int memberAt(const Part &P, llvm::StringRef S) const {
    if (P.Member >= 0)
      return P.Member;
    re2::StringPiece T(S.data(), S.size()), M;
    for (size_t K = 0; K < Members.size(); ++K)
      if (!Members[K]->gated() &&
          Members[K]->re(Opts).Match(T, P.B, S.size(), RE2::ANCHOR_START, &M,
                                     1))
        return static_cast<int>(K);
    return static_cast<int>(Members.size()); // unreachable: P matched there
  }

  /// findAllMatches() of the parts' alternation. A part's next match found
  /// from an earlier position stays its next one while it starts at or
  /// after the current position: a match at a place does not depend on
  /// where the search began (RE2 sees the text before it either way).
  void merge(llvm::SmallVectorImpl<Part> &Parts, llvm::StringRef S,
             llvm::function_ref<bool(uint32_t, uint32_t)> OnMatch) const {
    re2::StringPiece T(S.data(), S.size()), M;
    size_t Pos = 0;
    while (Pos <= S.size()) {
      Part *Best = nullptr;
      for (Part &P : Parts) {
        if (P.Done)
          continue;
        if (!P.Known || P.B < Pos) {
          P.Known = P.Re->Match(T, Pos, S.size(), RE2::UNANCHORED, &M, 1);
          P.Done = !P.Known;
          if (P.Done)
            continue;
          P.B = static_cast<uint32_t>(M.data() - S.data());
          P.E = static_cast<uint32_t>(P.B + M.size());
        }
        if (!Best || P.B < Best->B ||
            (P.B == Best->B && memberAt(P, S) < memberAt(*Best, S)))
          Best = &P;
      }
      if (!Best)
        return;
      if (Best->E == Best->B) { // empty match: step over one byte
        Pos = Best->B + 1;
        continue;
      }
      if (!OnMatch(Best->B, Best->E))
        return;
      Pos = Best->E;
    }
  }
};

/// Cue classes: phrases in one phrase matcher, patterns in an alternation
/// per class.
struct CueSet {
  /// Phrase groups in the phrase matcher, the rest alternations; each group
  /// has an index in the order groups were added (Groups), and matches are
  /// put in that order before sorting by place.
  PhraseMatcher Words;
  std::vector<unsigned> WordsOrder; // phrase matcher group -> order
  /// Phrase matcher group -> gate word id (NotGate: a cue class's group).
  std::vector<unsigned> GateOf;
  static constexpr unsigned NotGate = ~0u;
  llvm::StringMap<unsigned> GateIds; ///< gate word -> id
  std::vector<std::unique_ptr<Alternation>> Alts;
  std::vector<unsigned> AltsOrder; // alternation -> order
  std::vector<Group> Groups;       // by order

  /// A group of \p Phrases (whose translation is \p Regex) or, with
  /// \p IsPhrases false, of \p Patterns. \p Trusted: the patterns are known
  /// to compile (the built-in lexicon, checked by the tests).
  llvm::Error add(llvm::ArrayRef<std::string> Phrases, const std::string &Regex,
                  llvm::ArrayRef<std::string> Patterns, bool IsPhrases,
                  bool TryWords, bool Trusted, Group G) {
    auto Order = static_cast<unsigned>(Groups.size());
    if (IsPhrases && TryWords && Words.addGroup(Phrases, nullptr, Regex)) {
      WordsOrder.push_back(Order);
      GateOf.push_back(NotGate);
      Groups.push_back(G);
      return llvm::Error::success();
    }
    PatternOptions O;
    O.CaseInsensitive = IsPhrases;
    O.LongestMatch = IsPhrases;
    // A gate word is a group of the phrase matcher, which walks every
    // sentence anyway (a word it does not model cannot be a gate).
    auto GateWord = [this](llvm::StringRef W) -> llvm::Optional<unsigned> {
      auto It = GateIds.find(W);
      if (It != GateIds.end())
        return It->second;
      if (!Words.addGroup({W.str()}, nullptr, "(?i:" + W.str() + ")"))
        return llvm::None;
      auto Id = static_cast<unsigned>(GateIds.size());
      GateIds[W] = Id;
      WordsOrder.push_back(0); // not a cue
      GateOf.push_back(Id);
      return Id;
    };
    auto A = std::make_unique<Alternation>(O, /*Gate=*/!IsPhrases && TryWords);
    if (IsPhrases)
      A->add(Regex, GateWord);
    else
      for (const std::string &P : Patterns)
        A->add(P, GateWord);
    if (!Trusted) {
      PatternSet Check; // parses it, as a set would
      auto Idx = Check.add(A->joined(), O);
      if (!Idx)
        return makeError("lexicon class '" + cueKindName(G.Kind) +
                         "': " + llvm::toString(Idx.takeError()));
    }
    Alts.push_back(std::move(A));
    AltsOrder.push_back(Order);
    Groups.push_back(G);
    return llvm::Error::success();
  }

  void compile() { Words.compile(); }

  /// The cues in \p R of \p Text; with \p LookaheadOnly, only those of
  /// lookahead() kinds (the same as a set of only those classes gives: each
  /// class matches on its own).
  void find(llvm::StringRef Text, Range R, std::vector<Cue> &Out,
            bool LookaheadOnly = false) const {
    llvm::StringRef S = Text.slice(R.Begin, R.End);
    std::vector<std::tuple<unsigned, uint32_t, uint32_t>> Found;
    SentenceGates SW(S, GateIds.size());
    Words.matchAll(S, [&](unsigned G, uint32_t B, uint32_t E) {
      if (GateOf[G] != NotGate)
        SW.see(GateOf[G]);
      else
        Found.emplace_back(WordsOrder[G], B, E);
      return true;
    });
    for (size_t K = 0; K < Alts.size(); ++K)
      Alts[K]->find(S, SW, [&](uint32_t B, uint32_t E) {
        Found.emplace_back(AltsOrder[K], B, E);
        return true;
      });
    if (LookaheadOnly)
      llvm::erase_if(Found, [&](const auto &F) {
        return !lookahead(Groups[std::get<0>(F)].Kind);
      });
    std::stable_sort(Found.begin(), Found.end(),
                     [](const auto &A, const auto &B) {
                       return std::get<0>(A) < std::get<0>(B);
                     });
    for (const auto &[I, B, E] : Found) {
      Cue C;
      C.Kind = Groups[I].Kind;
      C.Scope = Groups[I].Scope;
      C.Span = {R.Begin + B, R.Begin + E};
      C.Text = S.slice(B, E).str();
      Out.push_back(std::move(C));
    }
    std::sort(Out.begin(), Out.end(),
              [](const Cue &A, const Cue &B) { return A.Span < B.Span; });
    applyMasks(Out);
  }
};

} // namespace

struct Analyzer::Impl {
  CueSet All; ///< every class (the next sentence: lookahead() kinds)
  unsigned ScopeWords = 8;
};

Analyzer::Analyzer(std::unique_ptr<Impl> Im) : I(std::move(Im)) {}
Analyzer::~Analyzer() = default;

llvm::Expected<std::unique_ptr<Analyzer>> Analyzer::create(const Lexicon &L) {
  const char *E = std::getenv("CLAIMLINT_PHRASE_MATCHER");
  return create(L, !E || llvm::StringRef(E) != "0");
}

llvm::Expected<std::unique_ptr<Analyzer>> Analyzer::create(const Lexicon &L,
                                                           bool PhraseMatcher) {
  auto Im = std::make_unique<Impl>();
  Im->ScopeWords = L.ScopeWords;
  // (kind, scope) -> joined phrase and pattern alternations.
  struct Joined {
    std::string Phrases;
    std::vector<std::string> PhraseList, Patterns;
  };
  std::map<std::pair<int, int>, Joined> ByGroup;
  static const Vocabulary NoVocabulary;
  for (const CueClass &C : L.Classes) {
    CueScope S = C.Scope == CueScope::Default ? defaultScope(C.Kind) : C.Scope;
    Joined &J = ByGroup[{static_cast<int>(C.Kind), static_cast<int>(S)}];
    for (const std::string &P : C.Phrases) {
      size_t Off = 0;
      auto Re = phraseToRegex(P, NoVocabulary, /*Bounded=*/true, Off);
      if (!Re)
        return makeError("lexicon class '" + cueKindName(C.Kind) +
                         "': phrase '" + P +
                         "': " + llvm::toString(Re.takeError()));
      J.Phrases += (J.Phrases.empty() ? "(?:" : "|(?:") + *Re + ")";
      J.PhraseList.push_back(P);
    }
    J.Patterns.insert(J.Patterns.end(), C.Patterns.begin(), C.Patterns.end());
  }
  for (const auto &It : ByGroup) {
    Group G{static_cast<CueKind>(It.first.first),
            static_cast<CueScope>(It.first.second)};
    const Joined &J = It.second;
    if (!J.Phrases.empty())
      if (llvm::Error E =
              Im->All.add(J.PhraseList, J.Phrases, {}, /*IsPhrases=*/true,
                          PhraseMatcher, L.Trusted, G))
        return E;
    if (!J.Patterns.empty())
      if (llvm::Error E = Im->All.add({}, {}, J.Patterns, /*IsPhrases=*/false,
                                      PhraseMatcher, L.Trusted, G))
        return E;
  }
  Im->All.compile();
  return std::unique_ptr<Analyzer>(new Analyzer(std::move(Im)));
}

SentenceCues Analyzer::scan(llvm::StringRef Text, const Sentence &S) const {
  SentenceCues C;
  C.Text = Text;
  C.Sentence = S.Text;
  I->All.find(Text, S.Text, C.Cues);

  // Clause breaks: termination cues ("but", ";", " - "), plus the comma that
  // closes a fronted subordinate clause: a clause opener that starts its
  // clause ("Although X, Y"; "However, Y"; "If X, Y"). Openers are cues of
  // their own so that a fronted coordinator ("But X, Y") does not do that.
  std::vector<Range> Openers;
  for (const Cue &Q : C.Cues) {
    if (Q.Kind == CueKind::Termination)
      C.Breaks.push_back(Q.Span);
    else if (Q.Kind == CueKind::ClauseOpener)
      Openers.push_back(Q.Span);
  }
  for (Range O : Openers) {
    if (!llvm::isAlpha(Text[O.Begin]))
      continue;
    // An opener that is also a termination always starts its clause
    // ("..., although X, Y"; "..., which X, Y").
    uint32_t ClauseStart = S.Text.Begin, Limit = S.Text.End;
    bool AlsoBreak = false;
    for (Range B : C.Breaks) {
      if (B == O)
        AlsoBreak = true;
      else if (B.End <= O.Begin)
        ClauseStart = std::max(ClauseStart, B.End);
      else if (B.Begin >= O.End)
        Limit = std::min(Limit, B.Begin);
    }
    bool Fronted = true;
    for (uint32_t P = ClauseStart; P < O.Begin && Fronted && !AlsoBreak; ++P)
      if (isWordByte(Text[P]))
        Fronted = false;
    if (!Fronted)
      continue;
    for (uint32_t P = O.End; P < Limit; ++P)
      if (Text[P] == ',') {
        Range Comma{P, P + 1};
        C.Breaks.insert(
            std::upper_bound(C.Breaks.begin(), C.Breaks.end(), Comma), Comma);
        break;
      }
  }

  // The next sentence may limit the evidence ("This has not been proven.")
  // or be the claim's citation on its own ("[3]").
  C.Next = nextSentence(Text, S);
  if (C.Next.size()) {
    std::vector<Cue> NextCues;
    I->All.find(Text, C.Next, NextCues, /*LookaheadOnly=*/true);
    std::vector<bool> Covered(C.Next.size(), false);
    for (Cue &Q : NextCues) {
      if (Q.Kind == CueKind::Evidence)
        for (uint32_t P = Q.Span.Begin; P < Q.Span.End; ++P)
          Covered[P - C.Next.Begin] = true;
      C.NextCues.push_back(std::move(Q));
    }
    bool OnlyCitation = false;
    for (const Cue &Q : C.NextCues)
      OnlyCitation |= Q.Kind == CueKind::Evidence;
    for (uint32_t P = C.Next.Begin; P < C.Next.End && OnlyCitation; ++P)
      if (!Covered[P - C.Next.Begin] && isWordByte(Text[P]))
        OnlyCitation = false;
    C.NextIsCitation = OnlyCitation;
  }
  return C;
}

std::vector<Range> Analyzer::clauses(llvm::StringRef Text,
                                     const Sentence &S) const {
  SentenceCues C = scan(Text, S);
  std::vector<Range> Out;
  uint32_t Start = S.Text.Begin;
  auto Push = [&](uint32_t B, uint32_t E) {
    while (B < E && (Text[B] == ' ' || Text[B] == ','))
      ++B;
    while (E > B && (Text[E - 1] == ' ' || Text[E - 1] == ','))
      --E;
    if (E > B)
      Out.push_back({B, E});
  };
  for (Range B : C.Breaks) {
    if (B.Begin < Start)
      continue; // overlapping breaks
    Push(Start, B.Begin);
    Start = B.End;
  }
  Push(Start, S.Text.End);
  return Out;
}

ContextResult Analyzer::analyze(llvm::StringRef Text, const Sentence &S,
                                Range Claim) const {
  return analyze(scan(Text, S), Claim);
}

ContextResult Analyzer::analyze(const SentenceCues &C, Range Claim) const {
  ContextResult R;
  llvm::StringRef Text = C.Text;
  // The claim's clause: between the nearest breaks outside the claim.
  uint32_t CB = C.Sentence.Begin, CE = C.Sentence.End;
  for (Range B : C.Breaks) {
    if (B.End <= Claim.Begin)
      CB = std::max(CB, B.End);
    else if (B.Begin >= Claim.End)
      CE = std::min(CE, B.Begin);
  }
  auto Reaches = [&](const Cue &Q, bool Before, bool After) {
    bool IsBefore = Q.Span.End <= Claim.Begin;
    bool IsAfter = Q.Span.Begin >= Claim.End;
    if (Q.Kind == CueKind::Evidence && !IsBefore && !IsAfter)
      return true; // a citation touching the claim: "pain²", "pain (4)"
    if (!((Before && IsBefore) || (After && IsAfter)))
      return false;
    bool InClause = Q.Span.Begin >= CB && Q.Span.End <= CE;
    switch (Q.Scope) {
    case CueScope::Sentence:
      return true;
    case CueScope::Clause:
      return InClause;
    case CueScope::Window:
    case CueScope::Default: {
      if (!InClause)
        return false;
      unsigned N = IsBefore ? wordsBetween(Text, Q.Span.End, Claim.Begin)
                            : wordsBetween(Text, Claim.End, Q.Span.Begin);
      return N <= I->ScopeWords;
    }
    }
    return false;
  };
  for (const Cue &Q : C.Cues) {
    // The claim's own words are never its context: a cue inside the claim
    // is ignored, and so is a negation overlapping it at all ("there is no
    // risk" when the claim is "no risk"). Other cues that run into the claim
    // from one side still count from that side ("some customers" before the
    // claim "customers report"); citations may touch it ("pain²").
    Cue Side = Q;
    if (overlaps(Q.Span, Claim) && Q.Kind != CueKind::Evidence) {
      if (isNegation(Q.Kind))
        continue;
      if (Q.Span.Begin < Claim.Begin)
        Side.Span.End = Claim.Begin;
      else if (Q.Span.End > Claim.End)
        Side.Span.Begin = Claim.End;
      else
        continue;
    }
    bool Take = false;
    switch (Q.Kind) {
    case CueKind::PreNegation:
      Take = Reaches(Side, true, false);
      R.Negated |= Take;
      break;
    case CueKind::PostNegation:
      Take = Reaches(Side, false, true);
      R.Negated |= Take;
      break;
    case CueKind::Hedge:
      Take = Reaches(Side, true, false);
      R.Hedged |= Take;
      break;
    case CueKind::QuantifierHedge:
      Take = Reaches(Side, true, true);
      R.QuantHedged |= Take;
      break;
    case CueKind::Booster:
      Take = Reaches(Side, true, true);
      R.Boosted |= Take;
      break;
    case CueKind::Reporting:
      Take = Reaches(Side, true, true);
      R.Reported |= Take;
      break;
    case CueKind::EvidenceLimit:
      Take = Reaches(Side, true, true);
      R.EvidenceLimited |= Take;
      break;
    case CueKind::InadequateQualifier:
      Take = Reaches(Side, true, true);
      R.Inadequate |= Take;
      break;
    case CueKind::Evidence:
      Take = Reaches(Side, true, true);
      R.Cited |= Take;
      break;
    case CueKind::Annotation:
    case CueKind::PseudoNegation:
    case CueKind::ClaimNegation:
    case CueKind::Termination:
    case CueKind::ClauseOpener:
      break;
    }
    if (Take)
      R.Cues.push_back(Q);
  }
  // Nearest first, so the explanation names the cue closest to the claim.
  auto Distance = [&](const Cue &Q) {
    if (Q.Span.End <= Claim.Begin)
      return Claim.Begin - Q.Span.End;
    return Q.Span.Begin - Claim.End;
  };
  std::stable_sort(
      R.Cues.begin(), R.Cues.end(),
      [&](const Cue &A, const Cue &B) { return Distance(A) < Distance(B); });
  for (const Cue &Q : C.NextCues) {
    if (Q.Kind == CueKind::EvidenceLimit) {
      R.EvidenceLimited = true;
      R.Cues.push_back(Q);
    } else if (Q.Kind == CueKind::Evidence && C.NextIsCitation) {
      R.Cited = true;
      R.Cues.push_back(Q);
    } else if (Q.Kind == CueKind::InadequateQualifier) {
      R.Inadequate = true;
      R.Cues.push_back(Q);
    }
  }
  return R;
}

Decision Analyzer::decide(Severity Base, const ClaimPolicy &P,
                          const ContextResult &R) {
  Decision D;
  auto First = [&](CueKind K) -> const Cue * {
    for (const Cue &C : R.Cues)
      if (C.Kind == K)
        return &C;
    return nullptr;
  };
  auto Keep = [&](const Cue *C) {
    if (C)
      D.Cues.push_back(*C);
  };
  auto Drop = [&](ClaimStatus S, std::string Why) {
    D.Status = S;
    D.Sev = llvm::None;
    D.Dropped = true;
    D.Explanation = std::move(Why);
    return D;
  };

  // A person reviewed the claim and recorded its evidence: keep it visible
  // as info, never failing a warning threshold.
  if (R.Reviewed) {
    D.Status = ClaimStatus::Reviewed;
    D.Sev = Severity::Info;
    const Cue *A = First(CueKind::Annotation);
    Keep(A);
    D.Explanation = A && !A->Text.empty()
                        ? "reviewed: " + shorten(A->Text)
                        : "reviewed: evidence recorded in a claimlint-evidence "
                          "comment";
    return D;
  }
  if (!P.UseContext) {
    D.Sev = Base;
    D.Explanation = "unqualified (context analysis is off for this rule)";
    return D;
  }
  if (R.Negated) {
    const Cue *N = First(CueKind::PreNegation);
    const Cue *Post = First(CueKind::PostNegation);
    if (!N)
      N = Post;
    Keep(N);
    return Drop(ClaimStatus::Negated,
                N ? "negated by " + quoted(*N) : "negated");
  }
  if (R.Reported) {
    const Cue *F = First(CueKind::Reporting);
    Keep(F);
    return Drop(ClaimStatus::Reported,
                F ? "reported, not made: inside the frame " + quoted(*F)
                  : "reported, not made");
  }

  int Level = static_cast<int>(Base);
  const Cue *Boost = R.Boosted ? First(CueKind::Booster) : nullptr;
  const Cue *Modal = R.Hedged ? First(CueKind::Hedge) : nullptr;
  const Cue *Quant = R.QuantHedged && P.QuantifierHedges
                         ? First(CueKind::QuantifierHedge)
                         : nullptr;
  const Cue *Limit =
      R.EvidenceLimited ? First(CueKind::EvidenceLimit) : nullptr;
  const Cue *Cite = R.Cited ? First(CueKind::Evidence) : nullptr;
  const Cue *Weak =
      R.Inadequate ? First(CueKind::InadequateQualifier) : nullptr;

  std::vector<std::string> Notes;
  if (R.Boosted) {
    Level = std::min(Level + 1, static_cast<int>(Severity::Error));
    Keep(Boost);
    const Cue *Over = Modal ? Modal : Quant ? Quant : Limit;
    std::string B = Boost ? quoted(*Boost) : "a booster";
    if (Over)
      Notes.push_back(B + " overrides the hedge " + quoted(*Over));
    else
      Notes.push_back(B + " strengthens it");
    Modal = Quant = Limit = nullptr; // a booster in the clause blocks hedges
  }

  const Cue *Hedge = Limit ? Limit : Modal ? Modal : Quant;
  int Steps = 0;
  bool HedgeCounts = Hedge != nullptr;
  if (P.HedgeImmune) {
    // A modal or quantifier hedge alone does not move it. An evidence-limit
    // phrase or a citation moves it one level each, and a hedge adds a level
    // only beside an evidence limit ("researchers are studying whether it
    // might one day cure"); it never goes below info.
    HedgeCounts = Limit != nullptr;
    Steps =
        (Limit ? 1 : 0) + (Cite ? 1 : 0) + (Limit && (Modal || Quant) ? 1 : 0);
  } else {
    Steps = (Hedge ? 1 : 0) + (Cite ? 1 : 0);
  }
  int NewLevel = Level - Steps;
  if (P.HedgeImmune)
    NewLevel = std::max(NewLevel, static_cast<int>(Severity::Info));

  std::string Head;
  auto HedgeText = [&](const Cue &H) {
    if (H.Kind == CueKind::EvidenceLimit)
      return "the evidence is limited (" + quoted(H) + ")";
    if (H.Kind == CueKind::QuantifierHedge)
      return "qualified by " + quoted(H);
    return "hedged by " + quoted(H);
  };
  if (Cite) {
    D.Status = ClaimStatus::Cited;
    Keep(Cite);
    std::string C = "cited: check that " + quoted(*Cite) + " supports it";
    if (Hedge && HedgeCounts) {
      Keep(Hedge);
      Head = HedgeText(*Hedge) + " and " + C;
    } else {
      Head = C;
    }
    if (Hedge && !HedgeCounts) {
      Keep(Hedge);
      Notes.push_back("the hedge " + quoted(*Hedge) +
                      " cannot qualify this kind of claim");
    }
  } else if (Hedge) {
    D.Status = ClaimStatus::Hedged;
    Keep(Hedge);
    Head = HedgeText(*Hedge);
    if (!HedgeCounts)
      Head += ", but a hedge cannot qualify this kind of claim";
  } else {
    D.Status = ClaimStatus::Unqualified;
    Head = "unqualified";
  }
  if (Weak) {
    Keep(Weak);
    Notes.push_back(quoted(*Weak) + " does not qualify a claim");
  }
  std::string Expl = Head;
  for (const std::string &N : Notes)
    Expl += "; " + N;
  if (NewLevel < static_cast<int>(Severity::Info))
    return Drop(D.Status, Expl);
  D.Sev = static_cast<Severity>(NewLevel);
  D.Explanation = std::move(Expl);
  return D;
}

} // namespace claimlint
