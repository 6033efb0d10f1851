//===- Engine/Linter.h - Lint one file ---------------------------*- C++
//-*-===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//
///
/// \file
/// The linter turns a file into findings: read it into prose, find every
/// trigger of every rule in one pass, judge each in its sentence, apply the
/// file's settings and directives, and convert positions at the very end.
/// A Linter is immutable; lint() may run on several threads at once.
///
//===----------------------------------------------------------------------===//

#ifndef CLAIMLINT_ENGINE_LINTER_H
#define CLAIMLINT_ENGINE_LINTER_H

#include "Context/Analyzer.h"
#include "Engine/Diagnostic.h"
#include "Rules/RuleSet.h"

#include <string>
#include <vector>

namespace claimlint {

struct LintOptions {
  bool UseContext = true;     ///< --no-context turns it off
  bool ShowQualified = false; ///< also report negated/reported/qualified
  Severity MinSeverity = Severity::Info;
  std::string Today; ///< YYYY-MM-DD, for evidence expiry
};

/// Settings for one file, resolved from configs and the command line.
struct FileSettings {
  FileType Type = FileType::Text;
  std::vector<char> Enabled;                      ///< per rule index
  std::vector<llvm::Optional<Severity>> Override; ///< per rule index
  std::vector<char> MetaEnabled;                  ///< per meta rule
};

/// Checks the engine makes itself (not health rules): directives and
/// evidence annotations.
struct MetaRule {
  const char *Id;
  Severity Sev;
  const char *Summary;
};
llvm::ArrayRef<MetaRule> metaRules();
enum MetaRuleIndex {
  UnusedSuppression = 0,
  InvalidDirective = 1,
  ExpiredEvidence = 2,
  StaleEvidence = 3,
};

class Linter {
public:
  Linter(const RuleSet &Rules, const Analyzer &A, LintOptions Opts)
      : Rules(Rules), A(A), Opts(std::move(Opts)) {}

  /// Lints \p Text (the whole file) shown as \p Path.
  FileReport lint(std::string Path, std::string Text,
                  const FileSettings &S) const;

  const RuleSet &rules() const { return Rules; }
  const LintOptions &options() const { return Opts; }

private:
  const RuleSet &Rules;
  const Analyzer &A;
  LintOptions Opts;
};

/// Settings with every rule enabled at its default severity.
FileSettings defaultSettings(const RuleSet &Rules, FileType Type);

} // namespace claimlint

#endif // CLAIMLINT_ENGINE_LINTER_H
