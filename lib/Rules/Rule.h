//===- Rules/Rule.h - A rule loaded from JSON ---------------------*- C++
//-*-===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//
///
/// \file
/// A rule as written in rules/<pack>/<rule>.json (docs/writing-rules.md).
/// Rules are data: the engine knows two kinds, "claim" (phrases and patterns
/// found in a sentence, judged in context) and "document" (a page that makes
/// claims must also contain one of the required phrases).
///
//===----------------------------------------------------------------------===//

#ifndef CLAIMLINT_RULES_RULE_H
#define CLAIMLINT_RULES_RULE_H

#include "Context/Analyzer.h"
#include "Match/PhraseMatcher.h"
#include "Rules/Suggestion.h"
#include "Support/Severity.h"

#include "llvm/ADT/Optional.h"
#include "llvm/ADT/StringMap.h"

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace claimlint {

enum class RuleKind { Claim, Document };

struct Reference {
  std::string Title;
  std::string Url;
};

/// A phrase or pattern translated to RE2 syntax, with where it was written.
struct CompiledPattern {
  /// Empty for a built-in rule's trigger phrase: translated only when
  /// needed (triggerPhrasesRegex()).
  std::string Regex;
  bool Longest = true;     ///< phrases: leftmost-longest; patterns: first
  std::string JsonPointer; ///< e.g. "/patterns/2", for located errors
};

/// One group of triggers, with its own severity and policy overrides.
struct TriggerGroup {
  std::vector<std::string> Phrases;
  std::vector<std::string> Patterns;
  llvm::Optional<Severity> Sev;          ///< overrides the rule's
  llvm::Optional<bool> HedgeImmune;      ///< overrides the rule's
  std::string Message;                   ///< overrides the rule's if set
  std::vector<CompiledPattern> Compiled; ///< filled by the loader
};

struct Example {
  std::string Text; ///< with [[...]] marks
};

struct Rule {
  std::string Id; ///< "<pack>/<rule>", equal to its path
  std::string Pack;
  std::string Path; ///< file it was loaded from ("<builtin>/..." if embedded)
  /// The pack's vocabulary as written, for the phrase matcher; null if none.
  std::shared_ptr<const TermLists> Lists;
  /// The pack's vocabulary as RE2 alternations (Match/Phrase.h), as it was
  /// when the rule was read; for translating phrases later.
  std::shared_ptr<const llvm::StringMap<std::string>> Vocab;
  RuleKind Kind = RuleKind::Claim;
  Severity Sev = Severity::Warning;
  std::string Summary;
  std::string Message; ///< may contain {match}
  std::string Note;
  ClaimPolicy Policy;
  std::vector<TriggerGroup> Triggers;  ///< group 0 = top-level phrases/patterns
  std::vector<std::string> Exceptions; ///< phrases; a claim inside one is not
  std::vector<std::string> ExceptionPatterns;
  std::vector<Suggestion> Suggestions;
  std::string Rationale;
  std::vector<Reference> References;
  std::vector<Example> FlagExamples;
  std::vector<Example> PassExamples;
  /// Document rules: phrases any one of which satisfies the requirement.
  std::vector<std::string> Requires;
  /// Per-profile severity ("au" -> error); "off" disables.
  std::map<std::string, std::string> Profiles;
  std::vector<std::string> Tags;
  /// Compiled exceptions and requirements (filled by the loader).
  std::vector<CompiledPattern> CompiledExceptions;
  std::vector<CompiledPattern> CompiledRequires;
  /// The rule file's text, for located errors found after loading.
  std::shared_ptr<const std::string> SourceText;
};

} // namespace claimlint

#endif // CLAIMLINT_RULES_RULE_H
