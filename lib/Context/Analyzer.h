//===- Context/Analyzer.h - Is a claim qualified? ----------------*- C++
//-*-===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Decides, for a claim found in a sentence, whether it is unqualified,
/// hedged, negated, cited, reported or reviewed, and which cues decided it.
/// See CLAIMS.md section 3 and docs/context.md.
///
//===----------------------------------------------------------------------===//

#ifndef CLAIMLINT_CONTEXT_ANALYZER_H
#define CLAIMLINT_CONTEXT_ANALYZER_H

#include "Context/Lexicon.h"
#include "Context/Segmenter.h"
#include "Support/Severity.h"

#include "llvm/ADT/Optional.h"

#include <memory>

namespace claimlint {

enum class ClaimStatus {
  Unqualified,
  Hedged,
  Negated,
  Cited,
  Reported,
  Reviewed
};

llvm::StringRef claimStatusName(ClaimStatus S);
llvm::Optional<ClaimStatus> parseClaimStatus(llvm::StringRef S);

struct Cue {
  CueKind Kind;
  Range Span;       ///< prose offsets
  std::string Text; ///< the cue's prose text, for explanations
  CueScope Scope = CueScope::Default; ///< resolved reach (never Default
                                      ///< for cues the Analyzer found)
};

/// What the context around one claim says.
struct ContextResult {
  bool Negated = false;
  bool Hedged = false;      ///< a strong hedge in scope
  bool QuantHedged = false; ///< a quantifier hedge in scope
  bool EvidenceLimited = false;
  bool Boosted = false;
  bool Cited = false;
  bool Reported = false;
  bool Reviewed = false;
  bool Inadequate = false; ///< an inadequate qualifier ("promising") nearby
  std::vector<Cue> Cues;   ///< every cue in scope of the claim, nearest
                           ///< first (the engine may add Annotation cues)
};

/// How a rule reacts to context (per rule, configurable).
struct ClaimPolicy {
  bool HedgeImmune = false;      ///< a modal hedge alone does not qualify it
  bool QuantifierHedges = false; ///< "some patients" qualifies this rule
  bool UseContext = true;        ///< false: every match is unqualified
};

/// The outcome for one finding: its status and severity, or None to drop it.
///
/// A dropped finding (negated, reported, or qualified below info) has no
/// severity, Dropped set and still a Status and Explanation, so a
/// --show-qualified view can list it.
struct Decision {
  ClaimStatus Status = ClaimStatus::Unqualified;
  llvm::Optional<Severity> Sev;
  std::string Explanation; ///< "unqualified", "hedged, but ...", "cited: ..."
  bool Dropped = false;    ///< Sev is None: not reported by default
  std::vector<Cue> Cues;   ///< the cues that decided it (subset of Cues)
};

/// The cues found once in a sentence (and in the sentence after it), to
/// analyse several claims of one sentence without searching it again.
struct SentenceCues {
  llvm::StringRef Text;      ///< the whole prose text
  Range Sentence;            ///< the sentence
  Range Next;                ///< the next sentence of the block (may be empty)
  std::vector<Cue> Cues;     ///< cues in Sentence, masked, in text order
  std::vector<Cue> NextCues; ///< evidence and evidence-limit cues in Next
  bool NextIsCitation = false; ///< Next is only a citation ("[3].")
  std::vector<Range> Breaks;   ///< clause boundaries in Sentence, in order
};

class Analyzer {
public:
  /// Compiles the lexicon; fails with a located error on a bad pattern.
  /// Cue phrases go to a PhraseMatcher unless \p PhraseMatcher is false
  /// (all in RE2: the reference the tests compare it with); the one-argument
  /// form reads CLAIMLINT_PHRASE_MATCHER=0 from the environment, as
  /// RuleSet::build does.
  static llvm::Expected<std::unique_ptr<Analyzer>> create(const Lexicon &L,
                                                          bool PhraseMatcher);
  static llvm::Expected<std::unique_ptr<Analyzer>> create(const Lexicon &L);
  ~Analyzer();

  /// Analyses \p Claim (prose offsets) inside \p S of prose text \p Text.
  ContextResult analyze(llvm::StringRef Text, const Sentence &S,
                        Range Claim) const;

  /// Finds the cues of \p S once; then analyze() each claim of it.
  SentenceCues scan(llvm::StringRef Text, const Sentence &S) const;
  ContextResult analyze(const SentenceCues &C, Range Claim) const;

  /// The clauses of \p S (prose offsets, trimmed), for tests and tools.
  std::vector<Range> clauses(llvm::StringRef Text, const Sentence &S) const;

  /// Applies the decision table (CLAIMS.md 3.4) to a rule's base severity.
  static Decision decide(Severity Base, const ClaimPolicy &P,
                         const ContextResult &R);

private:
  struct Impl;
  explicit Analyzer(std::unique_ptr<Impl> I);
  std::unique_ptr<Impl> I;
};

} // namespace claimlint

#endif // CLAIMLINT_CONTEXT_ANALYZER_H
