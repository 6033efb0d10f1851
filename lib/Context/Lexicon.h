//===- Context/Lexicon.h - Context cue lexicons ------------------*- C++
//-*-===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//
///
/// \file
/// The cue classes that decide whether a claim is qualified (hedges,
/// negations, evidence markers, ...). They are data: rules/lexicon.json,
/// extendable per project in .claimlint.json ("lexicon": {...}).
///
//===----------------------------------------------------------------------===//

#ifndef CLAIMLINT_CONTEXT_LEXICON_H
#define CLAIMLINT_CONTEXT_LEXICON_H

#include "llvm/ADT/Optional.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace claimlint {

enum class CueKind {
  Hedge,               ///< may, might, suggests, possibly, ...
  QuantifierHedge,     ///< some patients, in some cases, usually, ...
  EvidenceLimit,       ///< evidence is limited, more research is needed, ...
  InadequateQualifier, ///< promising, results may vary (do not qualify)
  Booster,             ///< clearly, even, definitely (block hedges)
  PreNegation,         ///< no, not, never, there is no, ... (before a claim)
  PostNegation,        ///< ... is a myth, has not been proven (after a claim)
  PseudoNegation,      ///< not only, no doubt, no matter (not negations)
  ClaimNegation,       ///< no side effects, risk-free (negation is the claim)
  Termination,         ///< but, however, although, ... (close a scope)
  Reporting,           ///< clinics claim, so-called, beware of, ...
  Evidence,            ///< [1], (Smith et al., 2020), PMID, DOI, NCT, ...
  Annotation,          ///< a claimlint-evidence comment (reviewed)
  ClauseOpener,        ///< if, when, because: "If X, Y" ends "X" at the comma
};

/// The JSON name of a class: "hedge", "quantifierHedge", "evidenceLimit",
/// "inadequateQualifier", "booster", "preNegation", "postNegation",
/// "pseudoNegation", "claimNegation", "termination", "reporting", "evidence",
/// "annotation", "clauseOpener".
llvm::StringRef cueKindName(CueKind K);
/// The kind named \p Name by cueKindName(), if any.
llvm::Optional<CueKind> parseCueKind(llvm::StringRef Name);

/// How far a cue reaches from where it stands (docs/context.md, "Scope").
enum class CueScope {
  Default,  ///< the kind's default (see defaultScope)
  Window,   ///< its clause, at most Lexicon::ScopeWords words from the claim
  Clause,   ///< anywhere in the claim's clause (in its direction)
  Sentence, ///< anywhere in the claim's sentence
};

llvm::StringRef cueScopeName(CueScope S);
/// The scope a class of kind \p K has when its JSON does not say.
CueScope defaultScope(CueKind K);

/// One cue class: literal phrases (case-insensitive, word-bounded) and RE2
/// patterns (case-sensitive unless they say (?i)).
struct CueClass {
  CueKind Kind;
  std::vector<std::string> Phrases;
  std::vector<std::string> Patterns;
  CueScope Scope = CueScope::Default; ///< "scope" in JSON
};

struct Lexicon {
  std::vector<CueClass> Classes;
  unsigned ScopeWords = 8; ///< ConText-style window, in words
  /// Parsed without checks (the built-in lexicon, which the tests check)
  /// and not extended since: its patterns may be compiled only when a
  /// sentence needs them.
  bool Trusted = false;

  /// Parses lexicon JSON (the format of rules/lexicon.json). \p Path and
  /// \p Text are used for located errors (LocatedError): malformed JSON, an
  /// unknown class name, a bad "scope", an empty or malformed phrase and a
  /// pattern RE2 rejects are each reported at their byte offset in \p Text.
  /// With \p Check false, phrases and patterns are taken as they are, not
  /// compiled one by one (a quarter of start-up): for the built-in lexicon,
  /// which tests parse with every check.
  static llvm::Expected<Lexicon> parse(llvm::StringRef Path,
                                       llvm::StringRef Text, bool Check = true);
  /// Reads and parses the lexicon file \p Path.
  static llvm::Expected<Lexicon> load(llvm::StringRef Path);
  /// Adds the phrases and patterns of \p Extra (same format; a class may also
  /// list "remove": [...] entries to drop) to this lexicon. \p Text is the
  /// file \p Extra was read from: either a .claimlint.json whose "lexicon"
  /// member is \p Extra, or a lexicon file itself; errors are located in it.
  llvm::Error extend(const nlohmann::json &Extra, llvm::StringRef Path,
                     llvm::StringRef Text);

  /// Number of phrases and patterns of kind \p K (all scopes).
  size_t count(CueKind K) const;
};

} // namespace claimlint

#endif // CLAIMLINT_CONTEXT_LEXICON_H
