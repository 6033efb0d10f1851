//===- Engine/Directives.h - Comments that steer the linter ------*- C++
//-*-===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Directives live in Markdown and HTML comments:
///   <!-- claimlint-disable-next-line RULE[, RULE] -- reason -->
///   <!-- claimlint-disable-line RULE -->
///   <!-- claimlint-disable RULE --> ... <!-- claimlint-enable RULE -->
///   <!-- claimlint-evidence: PMID 31278997; reviewed-by: J. Doe;
///        reviewed: 2026-11-01; expires: 2027-11-01 -->
/// RULE may be a glob (health/*); no RULE means every rule.
///
//===----------------------------------------------------------------------===//

#ifndef CLAIMLINT_ENGINE_DIRECTIVES_H
#define CLAIMLINT_ENGINE_DIRECTIVES_H

#include "Markup/Prose.h"
#include "Support/LineIndex.h"

#include <string>
#include <vector>

namespace claimlint {

struct Suppression {
  enum KindT { NextLine, SameLine, Region } Kind;
  std::vector<std::string> Rules; ///< globs; empty = all rules
  std::string Reason;
  Range Source;                            ///< the comment, original offsets
  unsigned FirstLine = 0, LastLine = 0;    ///< lines it covers (Region: lines)
  uint32_t RegionBegin = 0, RegionEnd = 0; ///< Region: original offsets
  bool Used = false;

  bool coversRule(llvm::StringRef RuleId) const;
};

struct EvidenceNote {
  Range Source;         ///< the comment
  std::string Evidence; ///< "PMID 31278997"
  std::string Reviewer;
  std::string ReviewedOn;
  std::string Expires;     ///< YYYY-MM-DD or empty
  uint32_t ProseBegin = 0; ///< the prose block it attaches to
  uint32_t ProseEnd = 0;
  bool Used = false;
};

struct Directives {
  std::vector<Suppression> Suppressions;
  std::vector<EvidenceNote> Evidence;
  /// Malformed directives: (comment range, message), reported as findings.
  std::vector<std::pair<Range, std::string>> Problems;
};

/// Parses the directives in \p P's comments. \p Text is the original file.
Directives parseDirectives(const Prose &P, llvm::StringRef Text,
                           const LineIndex &Lines);

/// Whether \p Sup suppresses a finding of \p RuleId starting at original
/// \p Offset on 1-based \p Line.
bool suppresses(const Suppression &Sup, llvm::StringRef RuleId, uint32_t Offset,
                unsigned Line);

} // namespace claimlint

#endif // CLAIMLINT_ENGINE_DIRECTIVES_H
