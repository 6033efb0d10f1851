//===- Output/RuleInfo.h - Rule metadata for report formats -----*- C++ -*-===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//
///
/// \file
/// SARIF and rdjson describe the rules behind their results. RuleInfo is the
/// description of one rule, from its JSON (or from the engine's own checks),
/// with non-empty texts even for a rule the emitter was not told about.
///
//===----------------------------------------------------------------------===//

#ifndef CLAIMLINT_OUTPUT_RULEINFO_H
#define CLAIMLINT_OUTPUT_RULEINFO_H

#include "Support/Severity.h"

#include "llvm/ADT/StringRef.h"

#include <string>
#include <vector>

namespace claimlint {

class RuleSet;

/// claimlint's home page (SARIF tool.driver.informationUri). The project has
/// no public address yet; the placeholder follows the config's "$schema".
constexpr const char *ToolInformationUri = "https://claimlint.invalid/";

/// Where the generated rule reference (docs/rules/) is published; the page of
/// a built-in rule is <base><pack>/<rule>.md.
constexpr const char *RuleDocsBaseUrl = "https://claimlint.invalid/docs/rules/";

struct RuleInfo {
  std::string Id;
  Severity Sev = Severity::Warning;
  std::string ShortDescription; ///< one line, never empty
  std::string FullDescription;  ///< never empty
  std::string HelpText;         ///< plain text, never empty
  std::string HelpMarkdown;     ///< the same as Markdown
  std::string HelpUri;          ///< built-in rules only; else empty
  std::vector<std::string> Tags;
};

/// Describes rule \p Id from \p Rules (may be null) or the engine's checks.
RuleInfo describeRule(const RuleSet *Rules, llvm::StringRef Id);

} // namespace claimlint

#endif // CLAIMLINT_OUTPUT_RULEINFO_H
